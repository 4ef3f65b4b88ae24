import ReelCore

/// Composes the whole screen from a snapshot: each pane drawn into its rectangle of one grid,
/// with no terminal involved (the presenter shows the grid; tests read it).
public enum PlayerScreen {
    /// The screen for `snapshot` in `layout` (nil: the terminal is too small, which it says).
    public static func compose(_ snapshot: PlayerSnapshot, layout: ScreenLayout?, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        guard let layout else {
            drawTooSmall(into: &grid)
            return grid
        }
        TitleBar.draw(snapshot.title.fields, in: layout.title, into: &grid)
        if let viewer = layout.viewer {
            switch snapshot.viewer {
            case .frame(.image, _) where snapshot.picturesAsImages:
                // The image protocol draws it over these cells, which stay blank.
                grid.fill(viewer, with: .underPicture)
            case .frame(let content, let shown):
                ViewerPane.draw(content, frame: shown, in: viewer, into: &grid, symbols: snapshot.symbols)
            case .decoding(let frame):
                ViewerPane.drawNotice(["decoding frame \(frame)\u{2026}"], colour: .rgb(170, 170, 170), in: viewer, into: &grid)
            case .notice(let lines):
                ViewerPane.drawNotice(lines, colour: .rgb(255, 90, 90), in: viewer, into: &grid)
            case .none:
                break
            }
        }
        if let rect = layout.audio, let audio = snapshot.audio {
            AudioPane.draw(audio, in: rect, track: layout.track, into: &grid)
        } else if let rect = layout.audio, case .notice(let lines) = snapshot.viewer {
            ViewerPane.drawNotice(lines, colour: .rgb(255, 90, 90), in: rect, into: &grid)
        }
        TimelinePane.draw(snapshot.timeline, in: layout.timeline, track: layout.track, into: &grid)
        GaugePane.draw(snapshot.gauge, in: layout.gauge, into: &grid)
        if let prompt = snapshot.prompt {
            HintLine.drawPrompt(prompt, in: layout.hints, into: &grid)
        } else if let message = snapshot.message {
            HintLine.drawMessage(message, in: layout.hints, into: &grid)
        } else {
            HintLine.draw(KeyMap.hints, in: layout.hints, into: &grid)
        }
        if snapshot.showHelp {
            HelpPane.draw(KeyMap.helpEntries, in: Rect(x: 0, y: 1, width: width, height: height - 2), into: &grid)
        }
        return grid
    }

    /// One line saying the terminal is too small, the longest wording that fits.
    static func drawTooSmall(into grid: inout CellGrid) {
        let (width, height) = (grid.width, grid.height)
        let wordings = ["Reel needs \(ScreenLayout.minimumWidth)\u{00D7}\(ScreenLayout.minimumHeight) (now \(width)\u{00D7}\(height))",
                        "too small: \(width)\u{00D7}\(height)", "too small", "small"]
        let line = wordings.first { $0.cellCount <= width } ?? ""
        grid.put(line, x: 0, y: 0, style: TextStyle(attributes: .bold))
    }
}
