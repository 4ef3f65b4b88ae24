import ArgumentParser
import ReelCore

/// `--threads` and `--cache-mb`, as `play` and `soak` take them.
struct DecodeOptions: ParsableArguments {
    @Option(help: "Decode threads (default: one per core).")
    var threads: Int?

    @Option(name: .customLong("cache-mb"), help: "Frame cache budget in MB (default: 25% of memory, at most 4096).")
    var cacheMB: Int?

    func validate() throws {
        try SequenceSetup.validate(threads: threads, cacheMB: cacheMB)
    }

    /// The cache budget in bytes.
    var cacheBytes: Int { SequenceSetup.cacheBudget(megabytes: cacheMB) }
}
