import Foundation

/// The stats file of a running `reel`, read as the tests' eyes on its state: a test waits for the
/// line that says what it needs (decoding settled, a redraw sent), never for a stretch of time.
struct StatsLog {
    typealias Line = [String: Any]
    let path: String

    /// The JSON lines so far.
    var lines: [Line] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? Line
        }
    }

    /// Waits up to `seconds` for a line after the first `after` that satisfies `condition`;
    /// returns its index and the line.
    @discardableResult
    func waitFor(after: Int = 0, seconds: Double = 20, _ condition: (Line) -> Bool) async throws -> (index: Int, line: Line) {
        let deadline = Date().addingTimeInterval(seconds)
        // Read again only when the file grew (reel writes about four lines a second): parsing
        // every line on every poll would cost a core's worth over a minute-long test.
        var readSize = -1
        repeat {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size != readSize {
                readSize = size
                let all = lines
                if all.count > after, let index = all[after...].firstIndex(where: condition) { return (index, all[index]) }
            }
            try await Task.sleep(for: .milliseconds(20))
        } while Date() < deadline
        throw StatsLogError.timedOut(path: path, last: lines.last.map { "\($0)" } ?? "no line")
    }

    /// Nothing queued or decoding and no repaint due: the screen changes only where the figures do.
    static func settled(_ line: Line) -> Bool {
        line["queued"] as? Int == 0 && line["running"] as? Int == 0 && line["repaint_pending"] as? Bool == false
            && line["analysing"] as? Bool == false
    }

    /// Waits until decoding has settled (in a line written from now on) and a screen was
    /// presented after that, so what the terminal shows is what a settled player draws.
    @discardableResult
    func waitUntilSettled(seconds: Double = 20, _ extra: (Line) -> Bool = { _ in true }) async throws -> Line {
        let (index, line) = try await waitFor(after: lines.count, seconds: seconds) { Self.settled($0) && extra($0) }
        let presented = line["presented"] as? Int ?? 0
        return try await waitFor(after: index, seconds: seconds) {
            Self.settled($0) && extra($0) && ($0["presented"] as? Int ?? 0) > presented
        }.line
    }
}

enum StatsLogError: Error, CustomStringConvertible {
    case timedOut(path: String, last: String)

    var description: String {
        switch self {
        case .timedOut(let path, let last): return "timed out waiting on \(path); its last line: \(last)"
        }
    }
}
