import Foundation
import ReelCore
import Testing
@testable import ReelTUI

/// A one-second 1 kHz sine at 32 kHz, analysed, for panes that draw audio.
enum AudioFixture {
    static let path: String = {
        let path = NSTemporaryDirectory() + "reel-tui-sine-\(getpid()).wav"
        let samples = (0..<32_000).map { Float(0.5 * sin(2 * Double.pi * 1000 * Double($0) / 32_000)) }
        try! SoundFile.writeWAV(path: path, sampleRate: 32_000, channels: 1, samples: samples)
        return path
    }()

    static func analysis(columns: Int, rows: Int) throws -> AudioAnalysis {
        let analysis = try AudioAnalysis(path: path, view: .init(columns: columns, rows: rows))
        #expect(analysis.waitUntilDone(timeout: 30))
        return analysis
    }
}

@Suite struct PlayerScreenTests {
    let picture = FrameContent.image(RGBImage(width: 8, height: 4, pixels: [UInt8](repeating: 200, count: 8 * 4 * 3)))

    func snapshot(viewer: PlayerSnapshot.Viewer? = nil, audio: AudioPaneModel? = nil, help: Bool = false,
                  detailed: Bool = false) -> PlayerSnapshot {
        var stats = MemoryStats()
        stats.rssBytes = 40 << 20
        stats.cacheBytes = 10 << 20
        stats.cacheBudget = 100 << 20
        stats.cachedFrames = 12
        return PlayerSnapshot(
            title: TitleModel(name: "shots/sh010.####.png", imageSize: (1920, 1080), fps: 24, frame: 1042, first: 1001,
                              last: 1096, isPlaying: true, audio: "sh010.wav"),
            viewer: viewer ?? .frame(picture, shown: 1042),
            timeline: TimelineModel(visible: 1001...1096, frame: 1042, workArea: 1010...1050,
                                    states: [FrameState](repeating: .cached, count: 96)),
            audio: audio, gauge: GaugeModel(stats: stats, rssHistory: [1, 2, 3], detailed: detailed), showHelp: help)
    }

    @Test(arguments: [(20, 6), (40, 12), (80, 24), (120, 40), (300, 100)])
    func everyPaneHasItsRowsAtEverySize(_ width: Int, _ height: Int) throws {
        let layout = try #require(ScreenLayout(width: width, height: height, picture: true, audio: true, gaugeDetailed: false))
        let analysis = try AudioFixture.analysis(columns: layout.track.width, rows: 40)
        defer { analysis.close() }
        let audio = AudioPaneModel(analysis: analysis, samples: 0..<32_000, playheadColumn: 3)
        let grid = PlayerScreen.compose(snapshot(audio: audio), layout: layout, width: width, height: height)
        // The rows add up, top to bottom, with nothing left over.
        let viewer = try #require(layout.viewer)
        let panes = [layout.title, viewer] + (layout.audio.map { [$0] } ?? []) + [layout.timeline, layout.gauge, layout.hints]
        #expect(panes.reduce(0) { $0 + $1.height } == height)
        for (above, below) in zip(panes, panes.dropFirst()) { #expect(above.y + above.height == below.y) }
        #expect(grid.text(row: 0).hasPrefix(width >= 120 ? " shots/sh010" : " sh010"), "the folder gives way first")
        #expect(grid[0, 0].attributes.contains(.reverse))
        #expect(grid.text.contains("▀"))
        #expect(grid.text(row: layout.timeline.y + layout.timeline.height - 1).unicodeScalars.contains(TimelinePane.playhead)
                || grid.text(row: layout.timeline.y + 1).unicodeScalars.contains(TimelinePane.playhead))
        #expect(grid.text(row: layout.gauge.y).contains("cache"))
        #expect(grid.text(row: height - 1).contains("Space"))
        #expect((layout.audio != nil) == (height >= 24), "the audio pane only where both fit")
        if width >= 80 {
            #expect(grid.text(row: 0).contains("frame 1042"))
            #expect(grid.text(row: 0).contains("1920×1080"))
            #expect(grid.text(row: layout.gauge.y).contains("RSS 40.0 MB"))
            #expect(grid.text(row: height - 1).contains("q quit"))
        }
        if width >= 300 {
            #expect(grid.text(row: layout.gauge.y).contains("dropped 0"))
            #expect(grid.text(row: 0).hasSuffix("reel "))
        }
    }

    @Test func anAudioFileOnItsOwnGivesTheViewersSpaceToTheAudioPane() throws {
        let layout = try #require(ScreenLayout(width: 100, height: 30, picture: false, audio: true, gaugeDetailed: false))
        #expect(layout.viewer == nil)
        let audio = try #require(layout.audio)
        #expect(audio.y == 1 && audio.height == 30 - 1 - 3 - 1 - 1)
        let withPicture = try #require(ScreenLayout(width: 100, height: 30, picture: true, audio: true, gaugeDetailed: false))
        #expect(try #require(withPicture.audio).height < audio.height)
    }

    @Test func theDetailedGaugeTakesRowsOnlyWhereThereAreRowsToGive() throws {
        let tall = try #require(ScreenLayout(width: 100, height: 30, picture: true, audio: false, gaugeDetailed: true))
        #expect(tall.gauge.height == GaugePane.detailedHeight)
        let short = try #require(ScreenLayout(width: 100, height: 8, picture: true, audio: false, gaugeDetailed: true))
        #expect(short.gauge.height == 1)
        let grid = PlayerScreen.compose(snapshot(detailed: true), layout: tall, width: 100, height: 30)
        #expect(grid.text(row: tall.gauge.y).contains("cache"))
        #expect(grid.text(row: tall.gauge.y + 1).contains("RSS"))
        #expect(grid.text(row: tall.gauge.y + 3).contains("queued"))
    }

    @Test func aTooSmallTerminalSaysSoInOneLine() {
        let small = ScreenLayout(width: 30, height: 4, picture: true, audio: true, gaugeDetailed: false)
        #expect(small == nil)
        let grid = PlayerScreen.compose(snapshot(), layout: small, width: 30, height: 4)
        #expect(grid.text(row: 0).hasPrefix("Reel needs 20×5 (now 30×4)"))
        #expect(grid.text(row: 1).trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(PlayerScreen.compose(snapshot(), layout: nil, width: 19, height: 3).text(row: 0) == "too small: 19×3    ")
        #expect(ScreenLayout(width: 19, height: 40, picture: true, audio: false, gaugeDetailed: false) == nil)
        #expect(PlayerScreen.compose(snapshot(), layout: nil, width: 0, height: 0).cells.isEmpty)
    }

    @Test func failedAndMissingFramesSayWhy() throws {
        let layout = try #require(ScreenLayout(width: 80, height: 24, picture: true, audio: false, gaugeDetailed: false))
        let failed = PlayerScreen.compose(snapshot(viewer: .frame(.failed("bad CRC in IDAT"), shown: 1042)), layout: layout,
                                          width: 80, height: 24).text
        #expect(failed.contains("frame 1042 failed to decode"))
        #expect(failed.contains("bad CRC in IDAT"))
        #expect(!failed.contains("▀"), "never the previous picture")
        let missing = PlayerScreen.compose(snapshot(viewer: .frame(.missing, shown: 1043)), layout: layout, width: 80, height: 24).text
        #expect(missing.contains("frame 1043 is missing"))
    }

    @Test func helpCoversTheScreen() throws {
        let layout = try #require(ScreenLayout(width: 120, height: 40, picture: true, audio: false, gaugeDetailed: false))
        let text = PlayerScreen.compose(snapshot(help: true), layout: layout, width: 120, height: 40).text
        #expect(text.contains("Keys"))
        #expect(text.contains("shuttle ◀ / stop / ▶"))
        #expect(text.contains("memory gauge"))
    }

    @Test func theTitleSaysWhetherItPlays() {
        var title = snapshot().title
        title.isPlaying = false
        title.fps = 23.976
        title.fileIndex = (2, 3)
        let text = title.fields.joined(separator: "|")
        #expect(text.contains("paused"))
        #expect(text.contains("23.98 fps"))
        #expect(text.contains("♪ sh010.wav"))
        #expect(text.hasPrefix("2/3|"))
        var audio = TitleModel(name: "a.flac", fps: 24, frame: 24 * 65, first: 0, last: 24 * 120 - 1, isPlaying: true, showsTime: true)
        #expect(audio.fields.contains("0:01:05.000 / 0:02:00.000"))
        audio.workArea = 24...47
        #expect(audio.fields.contains("B–N 0:00:01.000–0:00:02.000"))
    }
}

@Suite struct TitleClockTests {
    /// The title writes the frame as the unit says, with its other name beside; the work area in the unit.
    @Test func theTitleShowsFramesTimecodeOrSeconds() throws {
        let start = try #require(Timecode(parsing: "00:59:59;28", rate: Timecode.Rate(fps: 29.97)))
        var clock = FrameClock(fps: 30000.0 / 1001, first: 1, start: start, ownTimecode: true)
        var title = TitleModel(name: "tc.mov", fps: 29.97, frame: 5, first: 1, last: 150, isPlaying: false, workArea: 3...5, clock: clock)
        // Four frames on from 00:59:59;28 crosses the hour, which keeps its labels ;00 and ;01 (a tenth minute).
        #expect(title.fields.contains("frame 5  [1–150]  01:00:00;02"), "\(title.fields)")
        #expect(title.fields.contains("B–N 3–5"))
        clock.unit = .timecode
        title.clock = clock
        #expect(title.fields.contains("01:00:00;02  [00:59:59;28–01:00:04;27]  frame 5"), "\(title.fields)")
        #expect(title.fields.contains("B–N 01:00:00;00–01:00:00;02"))
        clock.unit = .seconds
        title.clock = clock
        #expect(title.fields.contains("0:00:00.133  [0:00:00.000–0:00:04.971]  frame 5"), "\(title.fields)")
        #expect(clock.unit.next == .frames && FrameClock.Unit.frames.next == .timecode)
        // A timecode counted from frame 0 is not the file's: in frames, the title has the number alone.
        title.clock = FrameClock(fps: 24, first: 1, start: Timecode(frame: 1, rate: Timecode.Rate(fps: 24)))
        #expect(title.fields.contains("frame 5  [1–150]"), "\(title.fields)")
    }
}

@Suite struct TitleBarTests {
    @Test func longPathsGiveWayToTheFileName() {
        let title = TitleModel(name: "/tmp/a/very/long/folder/name/that/goes/on/shot.####.png", fps: 24, frame: 50, first: 1,
                               last: 100, isPlaying: false, workArea: 1...50, fileIndex: (1, 2))
        var grid = CellGrid(width: 100, height: 1)
        TitleBar.draw(title.fields, in: Rect(x: 0, y: 0, width: 100, height: 1), into: &grid)
        #expect(grid.text(row: 0).hasPrefix(" 1/2  │  shot.####.png  │"))
        #expect(grid.text(row: 0).contains("B–N 1–50"))
        var wide = CellGrid(width: 200, height: 1)
        TitleBar.draw(title.fields, in: Rect(x: 0, y: 0, width: 200, height: 1), into: &wide)
        #expect(wide.text(row: 0).contains("/tmp/a/very/long"))
    }
}
