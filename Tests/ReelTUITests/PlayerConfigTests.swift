import ReelCore
import Testing
@testable import ReelTUI

/// The settings file: options, key bindings, and lines that cannot be read named by file and line.
@Suite struct PlayerConfigTests {
    @Test func theCompareAlignmentTheChannelsAndKeysAreSettings() {
        let (config, problems) = PlayerConfig.parse(
            "align = timecode\nalign = sideways\nu compare\nCtrl-W compare-flip\naudio-channels = separate\naudio-channels = 2\n", file: "c")
        #expect(config.align == .timecode, "the bad line leaves the good one")
        #expect(problems == ["c:2: align is one of frame, timecode, start, not 'sideways'", "c:6: audio-channels is mix or separate, not '2'"])
        #expect(config.analysisSettings().channels == .separate)
        #expect(KeyMap.action(for: .character("u"), bindings: config.bindings) == .cycleCompare)
        #expect(KeyMap.action(for: .character("\u{17}"), bindings: config.bindings) == .flipCompare)
    }

    @Test func optionsAndBindingsAreReadAndBadLinesNamedWhileTheRestApplies() {
        let text = """
        # Reel's settings
        graphics = sixel
        cache-mb=2048   # a comment after a value
        colour-map = magma
        fft-size = 4096
        window = blackman-harris
        fps = 25
        grpahics = kitty
        symbols = braille
        x export
        Ctrl-G go-to
        Sharp time-display
        q ignore
        Shift-Tab next-file
        Left step-forward extra
        Q fly
        Ctrl-C quit
        loops = 0

        """
        let (config, problems) = PlayerConfig.parse(text, file: "/home/me/.config/reel/config")
        #expect(config.graphics == "sixel" && config.cacheMB == 2048 && config.fps == 25)
        #expect(config.colorMap == .magma && config.fftSize == 4096 && config.window == .blackmanHarris)
        #expect(config.symbols == nil && config.loops == nil, "bad values are not kept")
        let settings = config.analysisSettings()
        #expect(settings.colorMap == .magma && settings.fftSize == 4096 && settings.window == .blackmanHarris)
        #expect(problems.count == 6, "\(problems)")
        let lines = problems.compactMap { $0.split(separator: ":").dropFirst().first.flatMap { Int($0) } }
        #expect(lines == [8, 9, 15, 16, 17, 18], "\(problems)")
        #expect(problems.allSatisfy { $0.hasPrefix("/home/me/.config/reel/config:") && !$0.contains("\n") })
        #expect(problems[0].contains("unknown option 'grpahics'"))
        #expect(problems[1].contains("symbols is one of half, quad, sextant, octant, not 'braille'"))
        #expect(problems[3].contains("no action called 'fly'"))
        #expect(problems[4].contains("no key called 'Ctrl-C'"))
        // Bindings win over the player's own keys; `ignore` takes a key away.
        #expect(KeyMap.action(for: .character("x"), bindings: config.bindings) == .exportFrame)
        #expect(KeyMap.action(for: .character("\u{07}"), bindings: config.bindings) == .openPrompt)
        #expect(KeyMap.action(for: .character("#"), bindings: config.bindings) == .cycleTimeUnit)
        #expect(KeyMap.action(for: .character("q"), bindings: config.bindings) == .nothing)
        #expect(KeyMap.action(for: .backTab, bindings: config.bindings) == .nextFile)
        #expect(KeyMap.action(for: .character("Q"), bindings: config.bindings) == .quit, "an unread line binds nothing")
        #expect(KeyMap.action(for: .left, bindings: config.bindings) == .command(.step(-1)))
    }

    @Test func everyActionHasAName() {
        // (Alt-arrows' binding stands for four pans, each named.)
        for binding in KeyMap.bindings where binding.action != .zoomPicture(.pan(x: 0, y: 0)) {
            #expect(KeyMap.actionNames.contains { $0.action == binding.action }, "\(binding.label) \(binding.meaning)")
        }
        #expect(Set(KeyMap.actionNames.map(\.name)).count == KeyMap.actionNames.count, "no name twice")
        for key in [Key.altLeft, .altRight, .altUp, .altDown] {
            #expect(KeyMap.actionNames.contains { $0.action == KeyMap.action(for: key) })
        }
    }

    @Test func aMissingFileIsNothingUnlessItWasNamed() {
        #expect(PlayerConfig.load(path: "/no/such/reel/config", required: false).problems.isEmpty)
        let named = PlayerConfig.load(path: "/no/such/reel/config", required: true).problems
        #expect(named.count == 1 && named[0].contains("/no/such/reel/config"))
        #expect(PlayerConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/reel/config")
        #expect(PlayerConfig.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/reel/config")
        #expect(PlayerConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/reel/config")
    }
}
