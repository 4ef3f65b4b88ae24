import CMalloc
#if canImport(Glibc)
import Glibc
#endif

/// The process's memory as the kernel and glibc's allocator see it: resident set size from
/// `/proc/self/statm`, heap in use from `mallinfo2`, physical memory from `sysconf`.
///
/// Stateless; safe from any thread.
public enum ProcessMemory {
    /// Allocations at least this large get their own mapping, which `free` gives back to the
    /// kernel at once: frames and audio buffers then leave RSS when they leave the cache.
    public static let mmapThreshold = 256 << 10

    /// Fixes glibc's mmap threshold (`mallopt(M_MMAP_THRESHOLD)`). Left alone, glibc raises the
    /// threshold each time a large block is freed, after which frames come from the heap's arenas
    /// and freed ones stay resident. Call once, before the first frame is decoded.
    public static func configureAllocator() {
        _ = reel_mallopt_mmap_threshold(Int32(mmapThreshold))
    }

    /// Hands freed heap memory back to the kernel (`malloc_trim(0)`), after a large release.
    public static func trim() {
        _ = malloc_trim(0)
    }

    /// Resident set size in bytes (`/proc/self/statm`, second field, in pages); 0 where there is no /proc.
    public static func residentBytes() -> Int {
        let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * pageSize
    }

    /// Bytes glibc's heap has handed out and not taken back, arenas and mappings (`mallinfo2`).
    public static func heapBytes() -> Int {
        Int(reel_heap_in_use())
    }

    /// Physical memory in bytes (`sysconf(_SC_PHYS_PAGES)`).
    public static func physicalBytes() -> Int {
        max(0, sysconf(Int32(_SC_PHYS_PAGES))) * pageSize
    }

    /// The default frame cache budget: a quarter of physical memory, at most 4 GiB.
    public static func defaultCacheBudget() -> Int {
        min(physicalBytes() / 4, 4 << 30)
    }

    static var pageSize: Int { max(4096, sysconf(Int32(_SC_PAGESIZE))) }
}
