import Testing
@testable import ReelTUI

/// The start-up query burst against what real terminals answered to it (recorded on this machine
/// by writing `TerminalReplies.queries` to each and keeping every byte that came back).
@Suite struct TerminalDetectionTests {
    /// kitty 0.26.5 under Xvfb, the burst with the shared memory probe (which kitty read and
    /// unlinked).
    static let kitty = "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}_Gi=32;OK\u{1B}\\\u{1B}P0+r524742\u{1B}\\\u{1B}[?2026;2$y\u{1B}[6;18;9t"
        + "\u{1B}[4;576;900t\u{1B}P>|kitty(0.26.5)\u{1B}\\\u{1B}[?62;c"
    /// xterm 379 started as `xterm -ti vt340`: no window reports (allowWindowOps is off).
    static let xtermVT340 = "\u{1B}[?2026;0$y\u{1B}[?1;0;256S\u{1B}P>|XTerm(379)\u{1B}\\\u{1B}[?63;1;2;4;6;9;15;16;22;28c"
    /// tmux 3.3a, detached (no outer terminal behind it).
    static let tmux = "\u{1B}P>|tmux 3.3a\u{1B}\\\u{1B}[?1;2c"
    /// tmux 3.3a with allow-passthrough, inside kitty 0.26.5: tmux answers first, kitty after it
    /// (its graphics query, XTVERSION and DA1, all asked through the passthrough).
    static let tmuxInKitty = "\u{1B}P>|tmux 3.3a\u{1B}\\\u{1B}[?1;2c\u{1B}_Gi=31;OK\u{1B}\\\u{1B}P>|kitty(0.26.5)\u{1B}\\\u{1B}[?62;c"

    static func read(_ text: String) -> TerminalReplies {
        var replies = TerminalReplies()
        replies.read(Array(text.utf8))
        return replies
    }

    @Test func kittyAnswersItsGraphicsQuery() {
        let replies = Self.read(Self.kitty)
        #expect(replies.kittyGraphics)
        #expect(replies.kittySharedMemory, "kitty read the pixel Reel put in shared memory")
        #expect(!replies.sixel)
        #expect(replies.synchronizedOutput)
        #expect(!replies.trueColor, "kitty 0.26 answers XTGETTCAP RGB as unknown")
        #expect(replies.cellPixels?.width == 9 && replies.cellPixels?.height == 18)
        #expect(replies.windowPixels?.width == 900 && replies.windowPixels?.height == 576)
        #expect(replies.version == "kitty(0.26.5)")
        #expect(replies.deviceAttributeReplies == 1)
        #expect(GraphicsMode.choose(replies: replies, environment: ["TERM": "xterm-kitty"]) == .kitty)
    }

    @Test func xtermAsAVT340HasSixelAndTakes256Registers() {
        let replies = Self.read(Self.xtermVT340)
        #expect(replies.sixel)
        #expect(replies.sixelRegisters == 256, "asked for 256, from the 16 a VT340 starts with")
        #expect(!replies.kittyGraphics)
        #expect(!replies.synchronizedOutput, "DECRQM 2026 answered 0: not recognised")
        #expect(replies.cellPixels == nil)
        #expect(replies.version == "XTerm(379)")
        #expect(GraphicsMode.choose(replies: replies, environment: ["TERM": "xterm"]) == .sixel)
    }

    @Test func tmuxAloneHasCells() {
        let replies = Self.read(Self.tmux)
        #expect(!replies.kittyGraphics && !replies.sixel)
        #expect(replies.version == nil && replies.tmuxVersion == "tmux 3.3a")
        #expect(replies.deviceAttributeReplies == 1)
        #expect(GraphicsMode.choose(replies: replies, environment: ["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0"]) == .cells)
    }

    @Test func tmuxPassesKittysRepliesThrough() {
        let replies = Self.read(Self.tmuxInKitty)
        #expect(replies.kittyGraphics && !replies.kittySharedMemory)
        #expect(replies.deviceAttributeReplies == 2, "tmux's and kitty's")
        #expect(replies.tmuxVersion == "tmux 3.3a" && replies.version == "kitty(0.26.5)")
        // kitty 0.26 has no Unicode placeholders (0.28 brought them): a picture placed through
        // the passthrough would not survive tmux's redraws.
        #expect(GraphicsMode.choose(replies: replies, environment: ["TMUX": "/tmp/t,1,0"]) == .cells)
    }

    @Test func tmuxInAKittyWithPlaceholdersShowsKittyPictures() {
        // The same recording with the version a kitty from 0.28 on gives (none runs here).
        let replies = Self.read(Self.tmuxInKitty.replacing("kitty(0.26.5)", with: "kitty(0.35.2)"))
        #expect(GraphicsMode.choose(replies: replies, environment: ["TMUX": "/tmp/t,1,0"]) == .kitty)
        #expect(GraphicsMode.hasUnicodePlaceholders(version: "kitty(0.28.0)"))
        #expect(GraphicsMode.hasUnicodePlaceholders(version: "ghostty 1.1.3"))
        #expect(!GraphicsMode.hasUnicodePlaceholders(version: "kitty(0.27.1)"))
        #expect(!GraphicsMode.hasUnicodePlaceholders(version: "WezTerm 20240203"))
        // Passthrough off: the kitty query never reaches kitty, so nothing answers it.
        #expect(GraphicsMode.choose(replies: Self.read(Self.tmux), environment: ["TMUX": "/tmp/t,1,0"]) == .cells)
    }

    @Test func aTerminalThatAnswersNothingIsJudgedByItsNames() {
        let replies = Self.read("")
        #expect(replies == TerminalReplies())
        #expect(GraphicsMode.choose(replies: replies, environment: ["TERM": "xterm-256color"]) == .cells)
        #expect(GraphicsMode.choose(replies: replies, environment: ["KITTY_WINDOW_ID": "1"]) == .kitty)
        #expect(GraphicsMode.choose(replies: replies, environment: ["TERM_PROGRAM": "iTerm.app"]) == .iterm)
        #expect(GraphicsMode.choose(replies: replies, environment: ["TERM": "foot"]) == .sixel)
    }

    @Test func repliesSplitByTypedKeysAreStillRead() {
        // A key pressed while the replies arrive ("j"), and a reply cut at the end.
        let replies = Self.read("j" + Self.xtermVT340 + "\u{1B}[?2026")
        #expect(replies.sixel && replies.sixelRegisters == 256)
    }

    @Test func theBurstEndsWithDA1AndWrapsForTmux() {
        let plain = String(decoding: TerminalReplies.queries(passthrough: false), as: UTF8.self)
        #expect(plain.hasSuffix("\u{1B}[c"))
        #expect(plain.contains("\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"))
        #expect(!plain.contains("t=s"), "no shared memory asked about without an object to read")
        let probing = String(decoding: TerminalReplies.queries(passthrough: false, sharedMemory: "/reel-probe-1"), as: UTF8.self)
        #expect(probing.contains("\u{1B}_Gi=32,s=1,v=1,a=q,t=s,S=3,f=24;L3JlZWwtcHJvYmUtMQ==\u{1B}\\"), "the name in base64")
        let wrapped = String(decoding: TerminalReplies.queries(passthrough: true), as: UTF8.self)
        #expect(wrapped.contains("\u{1B}Ptmux;\u{1B}\u{1B}_Gi=31,"))
        #expect(wrapped.contains("\u{1B}Ptmux;\u{1B}\u{1B}[>0q\u{1B}\\"))
        #expect(wrapped.contains("\u{1B}Ptmux;\u{1B}\u{1B}[c\u{1B}\\\u{1B}[c"))
    }
}
