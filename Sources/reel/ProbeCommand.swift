import ArgumentParser
import Foundation
import ReelCore

/// `reel probe FILE... [--json] [--headers-only]`: what each file is, from its headers; and for a
/// sequence, which of its frames have a file that does not decode (every frame is decoded, small,
/// unless `--headers-only`).
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Describe image sequences, movies and audio files: frames, size, samples, fps, timecode, sample rate, duration.")

    @Argument(help: "Sequences (a frame, a folder or a pattern) and audio files.")
    var files: [String]

    @Option(help: "The frame rate a sequence is described at (its files carry none).")
    var fps: Double = 24

    @Flag(help: "Print a JSON array, one object per file.")
    var json = false

    @Flag(help: "Read headers only: do not decode a sequence's frames to find those that are broken.")
    var headersOnly = false

    func validate() throws {
        guard fps > 0 && fps <= 1000 else { throw ValidationError("--fps must be between 0 and 1000") }
    }

    func run() throws {
        var reports: [(report: ProbeReport, undecodable: [SequenceCheck.Undecodable]?)] = []
        var failed = false
        for file in files {
            do {
                let report = try MediaProbe.probe(file)
                var undecodable: [SequenceCheck.Undecodable]?
                if case .sequence(let sequence, _, _) = report, !headersOnly { undecodable = SequenceCheck.undecodable(sequence) }
                reports.append((report, undecodable))
            } catch {
                printError(error.description)
                failed = true
            }
        }
        if json {
            let objects = reports.map { ProbeFormat.json($0.report, fps: fps, undecodable: $0.undecodable) }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            printText(SafeText.jsonEscapingControls(String(decoding: data, as: UTF8.self)) + "\n")
        } else {
            for report in reports { printText(ProbeFormat.text(report.report, fps: fps, undecodable: report.undecodable) + "\n") }
        }
        if failed { throw ExitCode.failure }
    }
}

/// How probe reports are written, as text for people and JSON for scripts.
enum ProbeFormat {
    /// The most broken frames listed by number; the rest are counted.
    static let listedBroken = 10

    static func text(_ report: ProbeReport, fps: Double, undecodable: [SequenceCheck.Undecodable]? = nil) -> String {
        switch report {
        case .sequence(let sequence, let width, let height):
            let gaps = sequence.gaps.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            let described = description(of: sequence)
            let samples = described.map {
                "\($0.bitDepth)-bit\($0.isFloat ? (($0.bitDepth == 16) ? " half float" : " float") : ""), \($0.channels) channel\($0.channels == 1 ? "" : "s")\($0.hasAlpha ? ", alpha" : "")"
            } ?? "unknown"
            return """
            \(SafeText.escaped(sequence.displayName))
              type      image sequence (\(sequence.format?.rawValue ?? "unknown"))
              frames    \(sequence.first)-\(sequence.last) (\(sequence.frameCount) frames, \(seconds(Double(sequence.frameCount) / fps)) at \(number(fps)) fps)
              size      \(width)x\(height)
              samples   \(samples)
              padding   \(padding(sequence))
              gaps      \(gaps.isEmpty ? "none" : "\(sequence.missing.count) missing: " + gaps.joined(separator: ", "))
            """ + (undecodable.map { "\n  broken    " + broken($0) } ?? "") + (described?.timecode.map { "\n  timecode  \($0)" } ?? "")
        case .audio(let path, let info):
            return """
            \(SafeText.escaped(path))
              type      audio
              format    \(SafeText.escaped(info.format)), \(SafeText.escaped(info.encoding))
              rate      \(info.sampleRate) Hz
              channels  \(info.channels)
              frames    \(info.frames)
              duration  \(seconds(info.duration))
            """
        case .movie(let path, let info):
            let sound = info.audioStreams.map { "\(SafeText.escaped($0.codec)) \($0.sampleRate) Hz \($0.channels) ch" }
            return """
            \(SafeText.escaped(path))
              type      movie (\(SafeText.escaped(info.container)))
              video     \(info.videoStream == nil ? "none" : "\(SafeText.escaped(info.codec)), \(SafeText.escaped(info.pixelFormat)), \(info.bitDepth)-bit\(info.hasAlpha ? ", alpha" : "")")
              size      \(info.width)x\(info.height)
              frames    \(info.frameCount) at \(number(info.fps)) fps (\(info.fpsNumerator)/\(info.fpsDenominator))\(info.expectedFrames.map { ", then the file breaks (its header says \($0))" } ?? "")
              duration  \(seconds(info.duration))
              audio     \(sound.isEmpty ? "none" : sound.joined(separator: "; "))
            """ + (info.timecode.map { "\n  timecode  \($0)" } ?? "")
        }
    }

    /// The frames that do not decode, each with its reason, the first `listedBroken` of them.
    static func broken(_ frames: [SequenceCheck.Undecodable]) -> String {
        guard !frames.isEmpty else { return "none (every present frame decodes)" }
        let listed = frames.prefix(listedBroken).map { "\($0.frame) (\(SafeText.escaped($0.reason)))" }
        let more = frames.count > listedBroken ? "; and \(frames.count - listedBroken) more" : ""
        return "\(frames.count) present but not decodable: " + listed.joined(separator: "; ") + more
    }

    static func json(_ report: ProbeReport, fps: Double, undecodable: [SequenceCheck.Undecodable]? = nil) -> [String: Any] {
        switch report {
        case .sequence(let sequence, let width, let height):
            return [
                "type": "sequence",
                "format": sequence.format?.rawValue ?? "unknown",
                "pattern": sequence.displayName,
                "first_frame": sequence.first,
                "last_frame": sequence.last,
                "frame_count": sequence.frameCount,
                "missing_frames": sequence.missing,
                "gaps": sequence.gaps.map { [$0.lowerBound, $0.upperBound] },
                "padding": padding(sequence),
                "undecodable_frames": undecodable.map { $0.map { ["frame": $0.frame, "reason": $0.reason] as [String: Any] } } as Any? ?? NSNull(),
                "width": width,
                "height": height,
                "fps": fps,
                "duration_seconds": Double(sequence.frameCount) / fps,
            ].merging(description(of: sequence).map {
                ["bit_depth": $0.bitDepth, "channels": $0.channels, "alpha": $0.hasAlpha, "float": $0.isFloat,
                 "timecode": $0.timecode as Any? ?? NSNull()] as [String: Any]
            } ?? [:]) { first, _ in first }
        case .audio(let path, let info):
            return [
                "type": "audio",
                "path": path,
                "format": info.format,
                "encoding": info.encoding,
                "sample_rate": info.sampleRate,
                "channels": info.channels,
                "frames": info.frames,
                "duration_seconds": info.duration,
            ]
        case .movie(let path, let info):
            return [
                "type": "movie",
                "path": path,
                "container": info.container,
                "codec": info.videoStream == nil ? NSNull() : info.codec,
                "pixel_format": info.pixelFormat,
                "bit_depth": info.bitDepth,
                "alpha": info.hasAlpha,
                "width": info.width,
                "height": info.height,
                "frame_count": info.frameCount,
                "expected_frame_count": info.expectedFrames as Any? ?? NSNull(),
                "fps": info.fps,
                "fps_rational": [info.fpsNumerator, info.fpsDenominator],
                "duration_seconds": info.duration,
                "timecode": info.timecode as Any? ?? NSNull(),
                "audio_streams": info.audioStreams.map {
                    ["index": $0.index, "codec": $0.codec, "sample_rate": $0.sampleRate, "channels": $0.channels] as [String: Any]
                },
            ]
        }
    }

    /// What the first frame whose header reads says of its samples.
    static func description(of sequence: ImageSequence) -> ImageDescription? {
        for frame in sequence.first...min(sequence.last, sequence.first + 8) {
            guard let path = sequence.path(frame: frame) else { continue }
            if let described = try? ImageDecoders.describe(path: path) { return described }
        }
        return nil
    }

    static func padding(_ sequence: ImageSequence) -> Int {
        if case .pattern(let pattern) = sequence.naming { return pattern.padding }
        return 0
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.3f s", value)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.3f", value)
    }
}
