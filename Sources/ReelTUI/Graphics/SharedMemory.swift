#if canImport(Glibc)
import Glibc
#endif

/// POSIX shared memory objects holding a picture for a terminal on this machine to read
/// (kitty's `t=s`). Every call to shm_open, ftruncate, mmap, munmap, close and shm_unlink is
/// here. An object outlives `write`: the terminal unlinks what it has read, and Reel unlinks
/// its names itself before reusing them and on quit, so no more than its two names ever exist.
/// Safe from any thread (each call works on the name it is given).
enum SharedMemory {
    /// Why an object could not be made.
    enum Failure: Error, Equatable {
        case open(name: String, errno: Int32)
        case size(name: String, errno: Int32)
        case map(name: String, errno: Int32)
    }

    /// Creates object `name` (a leading slash, no other) holding `bytes`; an object of that
    /// name left over is replaced.
    static func write(_ bytes: UnsafeRawBufferPointer, name: String) throws(Failure) {
        unlink(name)
        let fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .open(name: name, errno: errno) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(bytes.count)) == 0 else {
            let error = errno
            unlink(name)
            throw .size(name: name, errno: error)
        }
        guard !bytes.isEmpty else { return }
        guard let map = mmap(nil, bytes.count, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), map != MAP_FAILED else {
            let error = errno
            unlink(name)
            throw .map(name: name, errno: error)
        }
        map.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        munmap(map, bytes.count)
    }

    /// Removes object `name` if it is there (a terminal that read it has removed it already).
    static func unlink(_ name: String) {
        _ = shm_unlink(name)
    }

    /// Whether object `name` exists.
    static func exists(_ name: String) -> Bool {
        let fd = shm_open(name, O_RDONLY | O_CLOEXEC, 0)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }
}
