import ArgumentParser
import Foundation
import ReelCore

/// `reel probe FILE... [--json]`: what each file is, from headers only.
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

    func validate() throws {
        guard fps > 0 && fps <= 1000 else { throw ValidationError("--fps must be between 0 and 1000") }
    }

    func run() throws {
        var reports: [ProbeReport] = []
        var failed = false
        for file in files {
            do {
                reports.append(try MediaProbe.probe(file))
            } catch {
                printError(error.description)
                failed = true
            }
        }
        if json {
            let objects = reports.map { ProbeFormat.json($0, fps: fps) }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            printText(SafeText.jsonEscapingControls(String(decoding: data, as: UTF8.self)) + "\n")
        } else {
            for report in reports { printText(ProbeFormat.text(report, fps: fps) + "\n") }
        }
        if failed { throw ExitCode.failure }
    }
}

/// How probe reports are written, as text for people and JSON for scripts.
enum ProbeFormat {
    static func text(_ report: ProbeReport, fps: Double) -> String {
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
            """ + (described?.timecode.map { "\n  timecode  \($0)" } ?? "")
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

    static func json(_ report: ProbeReport, fps: Double) -> [String: Any] {
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
