import ReelCore

/// Every key of the player, what it does, and how the help and the hint line name it: the one
/// table that both the run loop and `?` read, so the help can never miss a key.
///
/// The conventions of Playa, After Effects, DJV and mpv (see DESIGN.md).
enum KeyMap {
    struct Binding {
        var keys: [Key]
        /// How help names the keys.
        var label: String
        var meaning: String
        var action: AppAction
    }

    static func characters(_ text: String) -> [Key] { text.unicodeScalars.map(Key.character) }

    static let bindings: [Binding] = [
        Binding(keys: characters(" "), label: "Space", meaning: "play / pause", action: .command(.togglePlay)),
        Binding(keys: [.left], label: "\u{2190} \u{2192}", meaning: "back / forward one frame", action: .command(.step(-1))),
        Binding(keys: [.right], label: "", meaning: "", action: .command(.step(1))),
        Binding(keys: [.shiftLeft], label: "Shift-\u{2190} \u{2192}", meaning: "back / forward ten frames", action: .command(.step(-10))),
        Binding(keys: [.shiftRight], label: "", meaning: "", action: .command(.step(10))),
        Binding(keys: [.home], label: "Home End", meaning: "first / last frame of the work area", action: .command(.first)),
        Binding(keys: [.end], label: "", meaning: "", action: .command(.last)),
        Binding(keys: characters("bB"), label: "B N", meaning: "work area begins / ends here", action: .command(.setWorkAreaBegin)),
        Binding(keys: characters("nN"), label: "", meaning: "", action: .command(.setWorkAreaEnd)),
        Binding(keys: [.backspace] + characters("\\\u{02}"), label: "BkSp \\ Ctrl-B", meaning: "clear the work area",
                action: .command(.clearWorkArea)),
        Binding(keys: characters(":"), label: ":", meaning: "go to frame, timecode, \u{00B1}N, N%", action: .openPrompt),
        Binding(keys: characters("\u{05}"), label: "Ctrl-E", meaning: "save this frame as PNG", action: .exportFrame),
        Binding(keys: characters("oO"), label: "O", meaning: "frames / timecode / seconds", action: .cycleTimeUnit),
        Binding(keys: characters("zZ"), label: "Z", meaning: "zoom the timeline to B..N / back", action: .toggleZoom),
        // The picture's zoom and pan: three lines of the help for eight keys.
        Binding(keys: characters("wW"), label: "W 1 2 4", meaning: "picture: fit, 1:1, 2\u{00D7}, 4\u{00D7}",
                action: .zoomPicture(.fit)),
        Binding(keys: characters("1"), label: "", meaning: "", action: .zoomPicture(.scale(1))),
        Binding(keys: characters("2"), label: "", meaning: "", action: .zoomPicture(.scale(2))),
        Binding(keys: characters("4"), label: "", meaning: "", action: .zoomPicture(.scale(4))),
        Binding(keys: characters("=+"), label: "+ -", meaning: "picture zoom in / out, or wheel",
                action: .zoomPicture(.zoomIn)),
        Binding(keys: characters("-_"), label: "", meaning: "", action: .zoomPicture(.zoomOut)),
        Binding(keys: [.altLeft, .altRight, .altUp, .altDown], label: "Alt-arrows",
                meaning: "pan (or middle/right drag)", action: .zoomPicture(.pan(x: 0, y: 0))),
        // The look, as RV and DJV have it: exposure in half stops, one channel, alpha over a checkerboard.
        Binding(keys: characters("eE"), label: "E D", meaning: "exposure up / down \u{00BD} stop", action: .changeLook(.exposure(0.5))),
        Binding(keys: characters("dD"), label: "", meaning: "", action: .changeLook(.exposure(-0.5))),
        Binding(keys: characters("vV"), label: "V", meaning: "channel: RGB R G B A luma", action: .changeLook(.nextChannel)),
        Binding(keys: characters("tT"), label: "T", meaning: "alpha over checkerboard", action: .changeLook(.checkerboard)),
        Binding(keys: characters("yY"), label: "Y", meaning: "look back to plain", action: .changeLook(.reset)),
        Binding(keys: characters("jJ"), label: "J K L", meaning: "shuttle \u{25C0} / stop / \u{25B6} (again: faster)", action: .command(.shuttleReverse)),
        Binding(keys: characters("kK"), label: "", meaning: "", action: .command(.stop)),
        Binding(keys: characters("lL"), label: "", meaning: "", action: .command(.shuttleForward)),
        Binding(keys: characters("["), label: "[ ]", meaning: "frame rate down / up", action: .command(.slower)),
        Binding(keys: characters("]"), label: "", meaning: "", action: .command(.faster)),
        Binding(keys: characters("{"), label: "{ }", meaning: "speed \u{00BD}\u{00D7} / 2\u{00D7} (\u{00BC}\u{00D7}\u{2013}4\u{00D7}; sound off)", action: .changeSpeed(0.5)),
        Binding(keys: characters("}"), label: "", meaning: "", action: .changeSpeed(2)),
        Binding(keys: characters("pP"), label: "P", meaning: "loop / ping-pong / once", action: .command(.cycleMode)),
        Binding(keys: [.tab], label: "Tab Shift-Tab", meaning: "next / previous file (each kept)", action: .nextFile),
        Binding(keys: [.backTab], label: "", meaning: "", action: .previousFile),
        Binding(keys: characters("aA"), label: "A", meaning: "A/B compare: wipe/side/toggle/off", action: .cycleCompare),
        Binding(keys: characters("rR"), label: "R , .", meaning: "compare: flip A B / move the wipe", action: .flipCompare),
        Binding(keys: characters(",<"), label: "", meaning: "", action: .moveDivider(-0.05)),
        Binding(keys: characters(".>"), label: "", meaning: "", action: .moveDivider(0.05)),
        Binding(keys: characters("sS"), label: "S", meaning: "spectrogram scale (lin/log/mel/…)", action: .cycleScale),
        Binding(keys: characters("fF"), label: "F I", meaning: "FFT size / window (Hann, Hamming…)", action: .cycleFFTSize),
        Binding(keys: characters("cC"), label: "C", meaning: "colour map", action: .cycleColorMap),
        Binding(keys: characters("iI"), label: "", meaning: "", action: .cycleWindow),
        Binding(keys: characters("|"), label: "|", meaning: "audio: mixed / per channel", action: .toggleChannels),
        Binding(keys: characters("mM"), label: "m", meaning: "mute", action: .command(.toggleMute)),
        Binding(keys: characters("9"), label: "9 0", meaning: "volume down / up", action: .command(.changeVolume(-0.1))),
        Binding(keys: characters("0"), label: "", meaning: "", action: .command(.changeVolume(0.1))),
        Binding(keys: characters("hH"), label: "H", meaning: "hide the audio pane and gauge / show", action: .togglePanes),
        Binding(keys: characters("gG"), label: "G", meaning: "memory gauge: one line / detail", action: .toggleGaugeDetail),
        Binding(keys: characters("xX"), label: "X", meaning: "clear the frame cache", action: .command(.clearCache)),
        Binding(keys: characters("\u{0C}"), label: "Ctrl-L", meaning: "redraw the whole screen", action: .redraw),
        Binding(keys: characters("?"), label: "?", meaning: "this help", action: .toggleHelp),
        Binding(keys: characters("qQ"), label: "q", meaning: "quit", action: .quit),
    ]

    /// Lines of the help, key then meaning; the mouse last. (A binding with no label is a
    /// second half of the line above it.)
    static var helpEntries: [(key: String, meaning: String)] {
        bindings.filter { !$0.label.isEmpty }.map { ($0.label, $0.meaning) } + [("mouse", "click or drag the timeline: scrub"), ("wheel", "on the timeline: step a frame"),
                                                                                ("click", "compare: move the wipe / flip A B")]
    }

    /// The keys the hint line offers first.
    static let hints: [(key: String, action: String)] = [
        ("Space", "play"), ("\u{2190}\u{2192}", "step"), ("B/N", "work area"), ("?", "help"), ("q", "quit"), (":", "go to"),
        ("J/K/L", "shuttle"), ("Z", "zoom"), ("G", "gauge"), ("P", "loop mode"), ("Tab", "next file"), ("X", "clear cache"),
    ]

    /// Every action by the name a config file binds it with (`x export`); `ignore` unbinds a key.
    static let actionNames: [(name: String, action: AppAction)] = [
        ("play-pause", .command(.togglePlay)), ("step-back", .command(.step(-1))), ("step-forward", .command(.step(1))),
        ("step-back-10", .command(.step(-10))), ("step-forward-10", .command(.step(10))),
        ("first", .command(.first)), ("last", .command(.last)),
        ("work-area-begin", .command(.setWorkAreaBegin)), ("work-area-end", .command(.setWorkAreaEnd)),
        ("clear-work-area", .command(.clearWorkArea)), ("go-to", .openPrompt), ("export", .exportFrame),
        ("time-display", .cycleTimeUnit), ("zoom-timeline", .toggleZoom),
        ("fit", .zoomPicture(.fit)), ("zoom-1", .zoomPicture(.scale(1))), ("zoom-2", .zoomPicture(.scale(2))),
        ("zoom-4", .zoomPicture(.scale(4))), ("zoom-in", .zoomPicture(.zoomIn)), ("zoom-out", .zoomPicture(.zoomOut)),
        ("pan-left", .zoomPicture(.pan(x: -1, y: 0))), ("pan-right", .zoomPicture(.pan(x: 1, y: 0))),
        ("pan-up", .zoomPicture(.pan(x: 0, y: -1))), ("pan-down", .zoomPicture(.pan(x: 0, y: 1))),
        ("exposure-up", .changeLook(.exposure(0.5))), ("exposure-down", .changeLook(.exposure(-0.5))),
        ("channel", .changeLook(.nextChannel)), ("checkerboard", .changeLook(.checkerboard)), ("plain-look", .changeLook(.reset)),
        ("shuttle-reverse", .command(.shuttleReverse)), ("stop", .command(.stop)), ("shuttle-forward", .command(.shuttleForward)),
        ("fps-down", .command(.slower)), ("fps-up", .command(.faster)),
        ("speed-half", .changeSpeed(0.5)), ("speed-double", .changeSpeed(2)), ("loop-mode", .command(.cycleMode)),
        ("next-file", .nextFile), ("previous-file", .previousFile),
        ("compare", .cycleCompare), ("compare-flip", .flipCompare), ("wipe-left", .moveDivider(-0.05)), ("wipe-right", .moveDivider(0.05)),
        ("spectrogram-scale", .cycleScale), ("fft-size", .cycleFFTSize), ("colour-map", .cycleColorMap), ("fft-window", .cycleWindow),
        ("audio-channels", .toggleChannels),
        ("mute", .command(.toggleMute)), ("volume-down", .command(.changeVolume(-0.1))), ("volume-up", .command(.changeVolume(0.1))),
        ("gauge", .toggleGaugeDetail), ("hide-panes", .togglePanes), ("clear-cache", .command(.clearCache)),
        ("redraw", .redraw), ("help", .toggleHelp), ("quit", .quit), ("ignore", .nothing),
    ]

    /// What `key` does: a config file's binding first, else the player's own.
    static func action(for key: Key, bindings: [PlayerConfig.KeyBinding]) -> AppAction {
        if let bound = bindings.last(where: { $0.key == key }) { return bound.action }
        return action(for: key)
    }

    /// What `key` does.
    static func action(for key: Key) -> AppAction {
        switch key {
        case .altLeft: return .zoomPicture(.pan(x: -1, y: 0))
        case .altRight: return .zoomPicture(.pan(x: 1, y: 0))
        case .altUp: return .zoomPicture(.pan(x: 0, y: -1))
        case .altDown: return .zoomPicture(.pan(x: 0, y: 1))
        default: return bindings.first { $0.keys.contains(key) }?.action ?? .nothing
        }
    }
}
