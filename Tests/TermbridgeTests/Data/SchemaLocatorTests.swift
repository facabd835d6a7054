import Foundation
import Testing
@testable import Termbridge

/// Where `SchemaLocator` finds the schemas, on fake installations in temporary folders and on
/// this checkout.
@Suite struct SchemaLocatorTests {
    /// A home, a system data folder, an installed prefix and a checkout, each able to hold
    /// the TBX core schema.
    private struct Machine {
        let root: String
        var user: String { root + "/home/.local/share/termbridge/schemas" }
        var system: String { root + "/sys/termbridge/schemas" }
        var installed: String { root + "/prefix/share/termbridge/schemas" }
        var checkout: String { root + "/checkout/Schemas" }

        func locator(_ extra: [String: String] = [:]) -> SchemaLocator {
            let variables = ["HOME": root + "/home", "XDG_DATA_DIRS": root + "/sys"].merging(extra) { $1 }
            return SchemaLocator(environment: DataEnvironment(variables: variables, executablePath: root + "/prefix/bin/termbridge",
                                                              packageRoot: root + "/checkout"))
        }

        func place(in folder: String) throws {
            try writeFile("<grammar/>", at: folder + "/" + Schema.tbxCore.rawValue)
        }
    }

    @Test func theInstalledFolderComesBeforeTheCheckoutAndAfterTheUsersData() throws {
        let machine = Machine(root: try temporaryDataFolder())
        defer { try? FileManager.default.removeItem(atPath: machine.root) }
        #expect(machine.locator().locate(.tbxCore) == nil)
        try machine.place(in: machine.checkout)
        #expect(machine.locator().locate(.tbxCore) == machine.checkout + "/tbx/TBXcoreStructV03.rng")
        try machine.place(in: machine.installed)
        #expect(machine.locator().locate(.tbxCore) == machine.installed + "/tbx/TBXcoreStructV03.rng")
        try machine.place(in: machine.system)
        #expect(machine.locator().locate(.tbxCore) == machine.system + "/tbx/TBXcoreStructV03.rng")
        try machine.place(in: machine.user)
        #expect(machine.locator().locate(.tbxCore) == machine.user + "/tbx/TBXcoreStructV03.rng")
        #expect(machine.locator().folders == [machine.user, machine.system, machine.installed, machine.checkout])
        #expect(machine.locator().locate(.tmx14) == nil)
    }

    @Test func theVariableReplacesTheOtherFolders() throws {
        let machine = Machine(root: try temporaryDataFolder())
        defer { try? FileManager.default.removeItem(atPath: machine.root) }
        try machine.place(in: machine.installed)
        let own = machine.root + "/own"
        #expect(machine.locator(["TERMBRIDGE_SCHEMAS": own]).locate(.tbxCore) == nil)
        try machine.place(in: own)
        #expect(machine.locator(["TERMBRIDGE_SCHEMAS": machine.root + "/none:" + own]).locate(.tbxCore)
                == own + "/tbx/TBXcoreStructV03.rng")
    }

    /// A fresh clone has every schema: they are in the repository, not fetched.
    @Test func theCheckoutShipsEverySchema() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let locator = SchemaLocator(environment: DataEnvironment(variables: [:], executablePath: nil, packageRoot: root))
        for schema in Schema.allCases {
            #expect(locator.locate(schema) == root + "/Schemas/" + schema.rawValue, "\(schema)")
        }
    }
}
