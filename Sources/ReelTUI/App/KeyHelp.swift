/// The player's keys as plain text, for `reel --help` and the man page (the same table `?` shows).
public enum KeyHelp {
    /// One line per key: the key, then what it does.
    public static var text: String {
        let entries = KeyMap.helpEntries
        let width = entries.map(\.key.count).max() ?? 0
        return entries.map { $0.key + String(repeating: " ", count: width - $0.key.count + 2) + $0.meaning }.joined(separator: "\n")
    }

    /// The names a config file binds keys to actions with.
    public static var actionNames: String {
        KeyMap.actionNames.map(\.name).joined(separator: ", ")
    }
}
