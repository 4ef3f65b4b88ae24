import Foundation

/// Finds an image sequence on disk from one of its frames, its folder, or a pattern.
///
/// Stateless; safe from any thread. Frames are the files `ImageFormat` names (PNG, JPEG, EXR,
/// TIFF, DPX); a folder's files are grouped by pattern, so each format is a sequence of its own.
public enum SequenceScanner {
    /// Finds the sequence that `path` names: a frame file (`sh010.0042.png`), a folder, or a
    /// pattern (`sh010.####.png`, `sh010.@@@@.png`, `sh010.%04d.png`).
    public static func find(_ path: String) throws(MediaError) -> ImageSequence {
        // lstat: a link that loops exists (and is refused below for what it is).
        let exists = FileBytes.exists(path)
        if FileBytes.isDirectory(path) {
            return try findInFolder(path)
        }
        if !exists {
            guard let pattern = SequencePattern.parse(placeholder: path) else {
                throw .notFound(path: path)
            }
            return try frames(of: pattern, listing: try list(pattern.directory))
        }
        let (directory, name) = splitPath(path)
        if !ImageFormat.isImageName(name), let kind = RegularFile.kind(ofPath: path) {
            throw .notAFile(path: path, kind: kind)
        }
        guard ImageFormat.isImageName(name) else {
            throw .notMedia(path: path, reason: "not a \(ImageFormat.list) file")
        }
        guard let (prefix, digits, suffix) = SequencePattern.split(fileName: name) else {
            return ImageSequence(naming: .single(path: path), first: 1, last: 1)
        }
        let names = try list(directory)
        // "0042" is padded to 4. "1042" may be padded to 4 or not padded at all: take the
        // reading that finds more frames.
        var readings = [SequencePattern(directory: directory, prefix: prefix, padding: digits.count, suffix: suffix)]
        if digits.first != "0" {
            readings.append(SequencePattern(directory: directory, prefix: prefix, padding: 0, suffix: suffix))
        }
        let candidates = readings.compactMap { try? frames(of: $0, listing: names) }
        guard let best = candidates.max(by: { $0.presentCount < $1.presentCount }) else {
            throw .notFound(path: path)
        }
        return best
    }

    /// The largest sequence in a folder; other files in it are ignored.
    static func findInFolder(_ folder: String) throws(MediaError) -> ImageSequence {
        let names = try list(folder).filter(ImageFormat.isImageName)
        var patterns = Set<SequencePattern>()
        var singles: [String] = []
        for name in names {
            guard let (prefix, digits, suffix) = SequencePattern.split(fileName: name) else {
                singles.append(name)
                continue
            }
            patterns.insert(SequencePattern(
                directory: folder, prefix: prefix,
                padding: digits.first == "0" ? digits.count : 0, suffix: suffix))
        }
        let sequences = patterns.compactMap { try? frames(of: $0, listing: names) }
        // Most frames wins; ties go to the pattern that sorts first, so the choice is stable.
        if let best = sequences.min(by: {
            ($0.presentCount, $1.displayName) > ($1.presentCount, $0.displayName)
        }) {
            return best
        }
        if let single = singles.sorted().first {
            return ImageSequence(naming: .single(path: join(folder, single)), first: 1, last: 1)
        }
        throw .noMediaInFolder(path: folder)
    }

    /// The frames of `pattern` among `names` (the directory's listing).
    static func frames(of pattern: SequencePattern, listing names: [String]) throws(MediaError) -> ImageSequence {
        let numbers = names.compactMap(pattern.frameNumber(fileName:)).sorted()
        guard let first = numbers.first, let last = numbers.last else {
            throw .noFramesMatch(pattern: pattern.description)
        }
        // Every number between is a frame (missing or not), and the timeline maps each: a stray
        // frame 99999999 beside frame 1 must not make a hundred million of them.
        guard last - first < ImageSequence.maxSpan else {
            throw .sequenceTooLong(pattern: pattern.description, first: first, last: last, files: numbers.count)
        }
        // `frameNumber(fileName:)` gives each number one spelling, so `numbers` has no repeats.
        var missing: [Int] = []
        var expected = first
        for number in numbers {
            while expected < number { missing.append(expected); expected += 1 }
            expected = number + 1
        }
        return ImageSequence(naming: .pattern(pattern), first: first, last: last, missing: missing)
    }

    static func list(_ directory: String) throws(MediaError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            if FileManager.default.fileExists(atPath: directory) {
                throw .unreadable(path: directory, errno: EACCES)
            }
            throw .notFound(path: directory)
        }
    }
}
