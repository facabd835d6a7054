import Foundation
import Testing
@testable import Termbridge

/// A fake installation in a temporary folder: a home, two system data folders, an
/// executable under `prefix/bin` and a package checkout, none of them real.
private struct FakeMachine {
    let root: String
    var home: String { root + "/home" }
    var userData: String { home + "/.local/share/termbridge" }
    var xdgHome: String { root + "/xdg-home" }
    var system1: String { root + "/sys1" }
    var system2: String { root + "/sys2" }
    var installed: String { root + "/prefix/share/termbridge" }
    var package: String { root + "/checkout/.cache" }

    init() throws {
        root = try temporaryDataFolder()
    }

    func environment(_ extra: [String: String] = [:]) -> DataEnvironment {
        var variables = ["HOME": home, "XDG_DATA_DIRS": system1 + ":" + system2]
        variables.merge(extra) { $1 }
        return DataEnvironment(variables: variables, executablePath: root + "/prefix/bin/termbridge",
                               packageRoot: root + "/checkout")
    }

    func locator(_ extra: [String: String] = [:]) -> DataLocator {
        DataLocator(environment: environment(extra))
    }

    /// Puts a CC-CEDICT text file (the sample) in `folder`.
    func placeCEDICT(in folder: String, name: String = "cedict_ts.u8") throws {
        try writeFile(try String(contentsOfFile: DataFixtures.cedict, encoding: .utf8), at: folder + "/" + name)
    }

    /// Where CC-CEDICT is found, as a path, or nil.
    func found(_ extra: [String: String] = [:], option: String? = nil) throws -> String? {
        let location = try locator(extra).locate(.cedict, option: option)
        return location.compiledPath ?? location.textPath
    }
}

@Suite struct DataLocatorTests {
    @Test func foldersComeInTheDocumentedOrder() throws {
        let machine = try FakeMachine()
        #expect(machine.locator().folders.map(\.path)
                == [machine.userData, machine.system1 + "/termbridge", machine.system2 + "/termbridge",
                    machine.installed, machine.package])
        #expect(machine.locator().folders.map(\.origin) == [.xdgDataHome, .xdgDataDirs, .xdgDataDirs, .installed, .package])
        // XDG_DATA_HOME replaces ~/.local/share; relative entries are ignored.
        let custom = machine.locator(["XDG_DATA_HOME": machine.xdgHome, "XDG_DATA_DIRS": "relative/dir:" + machine.system2])
        #expect(custom.folders.map(\.path) == [machine.xdgHome + "/termbridge", machine.system2 + "/termbridge",
                                               machine.installed, machine.package])
    }

    @Test func xdgDataDirsDefaultsToUsrLocalThenUsr() throws {
        let machine = try FakeMachine()
        var environment = machine.environment()
        environment.variables["XDG_DATA_DIRS"] = nil
        #expect(DataLocator(environment: environment).folders.map(\.path).dropFirst().prefix(2)
                == ["/usr/local/share/termbridge", "/usr/share/termbridge"])
    }

    @Test func theFirstFolderHoldingTheFileWins() throws {
        let machine = try FakeMachine()
        #expect(try machine.found() == nil)
        try machine.placeCEDICT(in: machine.package)
        #expect(try machine.found() == machine.package + "/cedict_ts.u8")
        try machine.placeCEDICT(in: machine.installed)
        #expect(try machine.found() == machine.installed + "/cedict_ts.u8")
        try machine.placeCEDICT(in: machine.system2 + "/termbridge")
        #expect(try machine.found() == machine.system2 + "/termbridge/cedict_ts.u8")
        try machine.placeCEDICT(in: machine.system1 + "/termbridge", name: "cedict_1_0_ts_utf-8_mdbg.txt")
        #expect(try machine.found() == machine.system1 + "/termbridge/cedict_1_0_ts_utf-8_mdbg.txt")
        try machine.placeCEDICT(in: machine.userData)
        #expect(try machine.found() == machine.userData + "/cedict_ts.u8")
        let location = try machine.locator().locate(.cedict)
        #expect(location.source == .folder(DataLocator.Folder(path: machine.userData, origin: .xdgDataHome)))
    }

    @Test func theEnvironmentVariableBeatsTheFoldersAndTheOptionBeatsBoth() throws {
        let machine = try FakeMachine()
        try machine.placeCEDICT(in: machine.userData)
        let named = machine.root + "/elsewhere/my-cedict.u8"
        try machine.placeCEDICT(in: machine.root + "/elsewhere", name: "my-cedict.u8")
        #expect(try machine.found(["TERMBRIDGE_CEDICT": named]) == named)
        #expect(try machine.locator(["TERMBRIDGE_CEDICT": named]).locate(.cedict).source
                == .environmentVariable("TERMBRIDGE_CEDICT"))
        let option = machine.root + "/option/cedict_ts.u8"
        try machine.placeCEDICT(in: machine.root + "/option")
        #expect(try machine.found(["TERMBRIDGE_CEDICT": named], option: option) == option)
        // An empty variable counts as unset.
        #expect(try machine.found(["TERMBRIDGE_CEDICT": ""]) == machine.userData + "/cedict_ts.u8")
    }

    @Test func aMissingFileNamedByTheOptionOrTheVariableIsAnError() throws {
        let machine = try FakeMachine()
        try machine.placeCEDICT(in: machine.package)
        #expect(throws: FileError(path: machine.root + "/nope.u8", message: "no such file: expected CC-CEDICT")) {
            _ = try machine.found(option: machine.root + "/nope.u8")
        }
        #expect(throws: FileError(path: machine.root + "/nope.u8",
                                  message: "no such file (named by TERMBRIDGE_CEDICT): expected CC-CEDICT")) {
            _ = try machine.found(["TERMBRIDGE_CEDICT": machine.root + "/nope.u8"])
        }
    }

    @Test func termbridgeDataDirReplacesTheStandardFolders() throws {
        let machine = try FakeMachine()
        try machine.placeCEDICT(in: machine.package)
        let empty = machine.root + "/empty"
        let mine = machine.root + "/mine"
        #expect(try machine.found(["TERMBRIDGE_DATA_DIR": empty]) == nil)
        let location = try machine.locator(["TERMBRIDGE_DATA_DIR": empty + ":" + mine]).locate(.cedict)
        #expect(location.searched.map(\.path) == [empty, mine])
        try machine.placeCEDICT(in: mine)
        #expect(try machine.found(["TERMBRIDGE_DATA_DIR": empty + ":" + mine]) == mine + "/cedict_ts.u8")
    }

    @Test func aFolderReportsItsCompiledAndTextFilesTogether() throws {
        let machine = try FakeMachine()
        try machine.placeCEDICT(in: machine.installed)
        try DataFiles.compile(CEDICTLexicon.self, from: machine.installed + "/cedict_ts.u8",
                              to: machine.installed + "/cedict.tbdata")
        let both = try machine.locator().locate(.cedict)
        #expect(both.compiledPath == machine.installed + "/cedict.tbdata")
        #expect(both.textPath == machine.installed + "/cedict_ts.u8")
        // A folder with the compiled file alone is a find too.
        try FileManager.default.removeItem(atPath: machine.installed + "/cedict_ts.u8")
        let alone = try machine.locator().locate(.cedict)
        #expect(alone.compiledPath == machine.installed + "/cedict.tbdata")
        #expect(alone.textPath == nil)
        // An option naming a compiled file is recognized as one.
        let named = try machine.locator().locate(.cedict, option: machine.installed + "/cedict.tbdata")
        #expect(named.compiledPath == machine.installed + "/cedict.tbdata")
    }

    @Test func eachDataFileIsLookedForUnderItsOwnNames() throws {
        let machine = try FakeMachine()
        try writeFile("盟友 3 n\n", at: machine.system1 + "/termbridge/jieba-dict.txt")
        try machine.placeCEDICT(in: machine.package)
        #expect(try machine.locator().locate(.generalFrequencies).textPath == machine.system1 + "/termbridge/jieba-dict.txt")
        #expect(try machine.locator().locate(.cedict).textPath == machine.package + "/cedict_ts.u8")
        #expect(try machine.locator(["TERMBRIDGE_GENERAL_FREQUENCIES": DataFixtures.frequencies])
            .locate(.generalFrequencies).textPath == DataFixtures.frequencies)
    }

    @Test func theMissingNoteSaysWhatWhereWhatIsLostAndHowToGetIt() throws {
        let machine = try FakeMachine()
        let locator = machine.locator(["TERMBRIDGE_DATA_DIR": machine.root + "/empty"])
        let note = DataFiles.missingNote(try locator.locate(.cedict), losing: "aligning by length only",
                                         command: "termbridge", locator: locator)
        #expect(note == "note: CC-CEDICT not found (looked for cedict.tbdata or cedict_ts.u8 or cedict_1_0_ts_utf-8_mdbg.txt in \(machine.root)/empty); aligning by length only. Get it with: make data (in a Termbridge checkout), then set TERMBRIDGE_DATA_DIR to its .cache folder")
        #expect(!note.contains("\n"))
        // With the fetch scripts reachable (a checkout), the command fetches and compiles.
        let checkout = DataLocator(environment: DataEnvironment(
            variables: ["TERMBRIDGE_DATA_DIR": machine.root + "/empty"], executablePath: nil, packageRoot: packageRoot))
        #expect(DataFiles.missingNote(try checkout.locate(.cedict), losing: "x", command: ".build/debug/termbridge",
                                      locator: checkout).hasSuffix("Get it with: .build/debug/termbridge data fetch"))
    }
}
