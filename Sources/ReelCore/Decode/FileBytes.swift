#if canImport(Glibc)
import Glibc
#endif

/// Reads whole files with POSIX `open`/`fstat`/`read`, so a failure keeps its errno.
///
/// Stateless; safe from any thread.
enum FileBytes {
    /// The whole file; a file over `limit` bytes is refused before anything is read.
    static func read(path: String, limit: Int) throws(MediaError) -> [UInt8] {
        var bytes: [UInt8] = []
        let count = try read(path: path, limit: limit, into: &bytes)
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Reads the whole file into the front of `buffer`, growing it only when the file is larger
    /// than it (decode workers reuse one buffer), and returns how many bytes the file had.
    static func read(path: String, limit: Int, into buffer: inout [UInt8]) throws(MediaError) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT ? .notFound(path: path) : .unreadable(path: path, errno: code)
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .unreadable(path: path, errno: errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, errno: EISDIR) }
        let size = Int(status.st_size)
        guard size <= limit else {
            throw .notMedia(path: path, reason: "file of \(size >> 20) MiB is larger than \(limit >> 20) MiB")
        }
        if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
        var done = 0
        while done < size {
            let got = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + done, size - done)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, errno: errno)
            }
            if got == 0 { break }  // The file shrank while we read it; keep what is there.
            done += got
        }
        return done
    }
}

extension FileBytes {
    /// Whether anything exists at `path` (`stat`).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Whether `path` is a folder (`stat`, following links).
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
