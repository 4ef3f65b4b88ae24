#if canImport(Glibc)
import Glibc
#endif

/// Opens media for reading only when it is a regular file: `open` with `O_NONBLOCK`, so opening
/// a FIFO with no writer returns at once, then `fstat`, so a FIFO, a device (/dev/zero), a socket
/// or a folder is refused before anything reads from it and nothing ever blocks on it. Links are
/// followed; a loop of links is refused by `open` itself (ELOOP).
///
/// Owns its descriptor: `close()` or `take()` it (a `~Copyable` value, so it is closed once).
/// Safe from any thread; each value is used by one thread at a time.
struct RegularFile: ~Copyable {
    let fd: Int32
    /// Bytes the file had when it was opened.
    let size: Int

    /// Opens `path` for reading, or throws why it cannot be read as a file.
    init(path: String) throws(MediaError) {
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw .notFound(path: path)
            // A socket cannot be opened at all; say what it is rather than "No such device".
            case ENXIO, EOPNOTSUPP: throw .notAFile(path: path, kind: Self.kind(ofPath: path) ?? "a special file")
            case ELOOP: throw .notAFile(path: path, kind: "a loop of symbolic links")
            default: throw .unreadable(path: path, errno: code)
            }
        }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .unreadable(path: path, errno: code)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(fd)
            throw .notAFile(path: path, kind: Self.kind(mode: status.st_mode))
        }
        // Back to blocking reads: a regular file never blocks on them, and libraries handed the
        // descriptor may not expect EAGAIN.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.fd = fd
        size = Int(status.st_size)
    }

    /// Closes the descriptor.
    consuming func close() {
        Glibc.close(fd)
        discard self
    }

    /// Gives the descriptor to a new owner (a library that closes it), without closing it.
    consuming func take() -> Int32 {
        let fd = self.fd
        discard self
        return fd
    }

    deinit { Glibc.close(fd) }

    /// What a file that is not regular is, for the message.
    static func kind(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// What `path` is when it is not a regular file; nil for a regular file or nothing there.
    static func kind(ofPath path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return errno == ELOOP ? "a loop of symbolic links" : nil }
        guard (status.st_mode & S_IFMT) != S_IFREG else { return nil }
        return kind(mode: status.st_mode)
    }
}
