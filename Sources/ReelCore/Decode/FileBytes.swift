#if canImport(Glibc)
import Glibc
#endif

/// Reads whole regular files (`RegularFile`, then POSIX `read`), so a failure keeps its errno.
///
/// Stateless; safe from any thread.
public enum FileBytes {
    /// The whole file; a file over `limit` bytes is refused before anything is read.
    public static func read(path: String, limit: Int) throws(MediaError) -> [UInt8] {
        var bytes: [UInt8] = []
        let count = try read(path: path, limit: limit, into: &bytes)
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The first `count` bytes of the file (fewer when it is shorter): a header, whatever the file's size.
    static func read(path: String, prefix count: Int) throws(MediaError) -> [UInt8] {
        var bytes: [UInt8] = []
        let got = try read(path: path, limit: .max, into: &bytes, prefix: count)
        bytes.removeLast(bytes.count - got)
        return bytes
    }

    /// Reads the whole file (or its first `prefix` bytes) into the front of `buffer`, growing it only when the file is larger
    /// than it (decode workers reuse one buffer), and returns how many bytes the file had.
    static func read(path: String, limit: Int, into buffer: inout [UInt8], prefix: Int = .max) throws(MediaError) -> Int {
        let file = try RegularFile(path: path)
        let size = min(file.size, prefix)
        let fd = file.take()
        defer { close(fd) }
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
    /// Whether anything exists at `path` (`lstat`: a link counts, even one that loops).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Whether `path` is a folder (`stat`, following links).
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
