import ReelCore

/// The settings file, `$XDG_CONFIG_HOME/reel/config` (`~/.config/reel/config`) or `--config FILE`:
/// default options as `name = value` lines (as mpv.conf has them) and key bindings as `KEY action`
/// lines (as mpv's input.conf), `#` starting a comment. A line that cannot be read is named with
/// its file and line number, and the rest still applies. Options on the command line win.
///
/// A value; reading the file is the only thing it does to the outside.
public struct PlayerConfig: Equatable, Sendable {
    /// One `KEY action` line: the key now does the action (or nothing, for `ignore`).
    public struct KeyBinding: Equatable, Sendable {
        let key: Key
        let action: AppAction
    }

    /// The options a file may set, with the values each takes.
    public static let graphicsChoices = ["auto", "kitty", "sixel", "iterm", "cells"]
    public static let symbolChoices = ["half", "quad", "sextant", "octant"]

    public var graphics: String?
    public var symbols: String?
    public var cacheMB: Int?
    public var threads: Int?
    public var fps: Double?
    public var audioDevice: String?
    public var loops: Int?
    public var colorMap: ColorMap?
    public var fftSize: Int?
    public var window: WindowFunction?
    /// Each channel on its own (`audio-channels = separate`) or mixed.
    public var audioChannels: SpectrogramSettings.Channels?
    /// How a compare lines its files up (`align = timecode`).
    public var align: CompareAlignment.Basis?
    public var bindings: [KeyBinding] = []

    public init() {}

    /// The file read when no `--config` is given (which need not exist).
    public static func defaultPath(environment: [String: String]) -> String? {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return base + "/reel/config" }
        return environment["HOME"].map { $0 + "/.config/reel/config" }
    }

    /// The settings in `path`, and one line for each line that could not be read. A file that is
    /// not there is no problem unless it was named (`required`).
    public static func load(path: String, required: Bool) -> (config: PlayerConfig, problems: [String]) {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: path, limit: 1 << 20)
        } catch {
            if case .notFound = error, !required { return (PlayerConfig(), []) }
            return (PlayerConfig(), [error.description])
        }
        return parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// The settings in `text`, read from `file` (for the messages).
    public static func parse(_ text: String, file: String) -> (config: PlayerConfig, problems: [String]) {
        var config = PlayerConfig()
        var problems: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            // Anything after `#` is a comment (the `#` key is written `Sharp`).
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard !words.isEmpty else { continue }
            let problem: String?
            if line.contains("=") {
                problem = config.setOption(String(line))
            } else {
                problem = config.bind(words.map(String.init))
            }
            if let problem { problems.append("\(SafeText.escaped(file)):\(index + 1): \(SafeText.escaped(problem))") }
        }
        return (config, problems)
    }

    /// Sets `name = value`; what is wrong with the line, if anything.
    mutating func setOption(_ line: String) -> String? {
        let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return "'\(line.trimmingSpaces())' has no value after '='" }
        var name = parts[0]
        if name.hasPrefix("--") { name.removeFirst(2) }
        let value = parts[1]
        func number<T: LosslessStringConvertible & Comparable>(_ range: ClosedRange<T>) -> T? {
            T(value).flatMap { range.contains($0) ? $0 : nil }
        }
        switch name {
        case "graphics":
            guard Self.graphicsChoices.contains(value) else { return "graphics is one of \(Self.graphicsChoices.joined(separator: ", ")), not '\(value)'" }
            graphics = value
        case "symbols":
            guard Self.symbolChoices.contains(value) else { return "symbols is one of \(Self.symbolChoices.joined(separator: ", ")), not '\(value)'" }
            symbols = value
        case "cache-mb":
            guard let megabytes: Int = number(16...1_048_576) else { return "cache-mb is a number of megabytes from 16, not '\(value)'" }
            cacheMB = megabytes
        case "threads":
            guard let count: Int = number(1...256) else { return "threads is a number from 1 to 256, not '\(value)'" }
            threads = count
        case "fps":
            guard let rate: Double = number(0.001...1000) else { return "fps is a rate from 0 to 1000, not '\(value)'" }
            fps = rate
        case "audio-device":
            audioDevice = value
        case "loops":
            guard let count: Int = number(1...1_000_000) else { return "loops is a number from 1, not '\(value)'" }
            loops = count
        case "align":
            guard let basis = CompareAlignment.Basis(rawValue: value) else {
                return "align is one of \(CompareAlignment.Basis.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value)'"
            }
            align = basis
        case "colour-map", "color-map":
            guard let map = ColorMap(rawValue: value) else {
                return "\(name) is one of \(ColorMap.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value)'"
            }
            colorMap = map
        case "fft-size":
            guard let size = Int(value), SpectrogramSettings.fftSizes.contains(size) else {
                return "fft-size is one of \(SpectrogramSettings.fftSizes.map(String.init).joined(separator: ", ")), not '\(value)'"
            }
            fftSize = size
        case "window":
            guard let function = WindowFunction(rawValue: value) else {
                return "window is one of \(WindowFunction.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value)'"
            }
            window = function
        case "audio-channels":
            guard let channels = SpectrogramSettings.Channels(rawValue: value) else {
                return "audio-channels is mix or separate, not '\(value)'"
            }
            audioChannels = channels
        default:
            return "unknown option '\(name)'"
        }
        return nil
    }

    /// Binds `KEY action`; what is wrong with the line, if anything.
    mutating func bind(_ words: [String]) -> String? {
        guard words.count == 2 else { return "a key binding is 'KEY action', not '\(words.joined(separator: " "))'" }
        guard let key = Self.key(named: words[0]) else { return "no key called '\(words[0])'" }
        guard let action = KeyMap.actionNames.first(where: { $0.name == words[1] })?.action else {
            return "no action called '\(words[1])' (the actions are listed in the README)"
        }
        bindings.removeAll { $0.key == key }
        bindings.append(KeyBinding(key: key, action: action))
        return nil
    }

    /// The default settings of the spectrogram with this file's changes.
    public func analysisSettings(from settings: SpectrogramSettings = SpectrogramSettings()) -> SpectrogramSettings {
        var changed = settings
        if let colorMap { changed.colorMap = colorMap }
        if let fftSize { changed.fftSize = fftSize }
        if let window { changed.window = window }
        if let audioChannels { changed.channels = audioChannels }
        return changed
    }

    /// A key by its name in a config file: one printable character, `Sharp` for `#`, or
    /// Space, Left, Right, Up, Down, Shift-Left, Shift-Right, Alt-Left…, Home, End, Tab,
    /// Shift-Tab, Backspace, Esc, Enter, Ctrl-A … Ctrl-Z (not Ctrl-C, which quits).
    static func key(named name: String) -> Key? {
        let scalars = Array(name.unicodeScalars)
        if scalars.count == 1, scalars[0].value > 0x20, scalars[0].value < 0x7F { return .character(scalars[0]) }
        let named: [String: Key] = [
            "space": .character(" "), "sharp": .character("#"), "left": .left, "right": .right, "up": .up, "down": .down,
            "shift-left": .shiftLeft, "shift-right": .shiftRight, "alt-left": .altLeft, "alt-right": .altRight,
            "alt-up": .altUp, "alt-down": .altDown, "home": .home, "end": .end, "tab": .tab, "shift-tab": .backTab,
            "backspace": .backspace, "bksp": .backspace, "esc": .escape, "enter": .character("\n"),
        ]
        let lower = name.lowercased()
        if let key = named[lower] { return key }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.unicodeScalars.last,
           ("a"..."z").contains(letter), letter != "c" {
            return .character(Unicode.Scalar(letter.value - 0x60)!)
        }
        return nil
    }
}

private extension StringProtocol {
    /// Without the spaces and tabs at either end.
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
