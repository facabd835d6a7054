import Foundation

/// An official XML schema Termbridge validates against, by its path in a schema folder
/// (`Schemas/` in the checkout, `<prefix>/share/termbridge/schemas` when installed). Where
/// each comes from and under which licence: `Schemas/README.md`.
public enum Schema: String, Sendable, CaseIterable {
    /// ISO 30042:2019 (TBX v3) core structure, RelaxNG.
    case tbxCore = "tbx/TBXcoreStructV03.rng"
    /// TBX-Basic dialect rules (DCA style), Schematron with the XSLT 2 query binding.
    case tbxBasic = "tbx/TBX-Basic_DCA.sch"
    /// TBX 2008 (`<martif>`) core structure, DTD.
    case tbx2008 = "tbx/tbx2008/TBXcoreStructV02.dtd"
    /// TMX 1.4b, DTD.
    case tmx14 = "tmx/tmx14.dtd"
}

/// Answers "where is schema X?" the way ``DataLocator`` answers it for data files:
///
/// 1. `TERMBRIDGE_SCHEMAS` (folders separated by `:`), which *replaces* the folders below;
/// 2. otherwise `schemas/` in each data folder of ``DataLocator/folders`` except the
///    checkout's `.cache/` — `$XDG_DATA_HOME/termbridge/schemas`, each
///    `$XDG_DATA_DIRS` entry's `termbridge/schemas`, the installed
///    `<bin>/../share/termbridge/schemas` (where `make install` puts them) — then the
///    checkout's own `Schemas/`, while the checkout the tool was built from exists.
///
/// The first folder holding the schema wins.
public struct SchemaLocator: Sendable {
    public let environment: DataEnvironment

    public init(environment: DataEnvironment = .current) {
        self.environment = environment
    }

    /// The folders searched, in order.
    public var folders: [String] {
        if let list = environment.value("TERMBRIDGE_SCHEMAS") {
            return list.split(separator: ":").map(String.init)
        }
        var folders = DataLocator(environment: environment).folders
            .filter { $0.origin != .package }
            .map { $0.path + "/schemas" }
        if let root = environment.packageRoot { folders.append(root + "/Schemas") }
        return folders
    }

    /// The path of `schema` in the first folder holding it; nil when none does.
    public func locate(_ schema: Schema) -> String? {
        folders.lazy.map { $0 + "/" + schema.rawValue }.first(where: DataLocator.isFile)
    }
}
