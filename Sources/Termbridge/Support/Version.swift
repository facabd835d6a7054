/// Termbridge's version, in one place: `termbridge --version` prints it, the man page and
/// the DocC catalog carry it, and `CHANGELOG.md`'s latest release must name it
/// (`VersionTests` checks that they agree). Semantic versioning; 0.x while the API settles.
public enum TermbridgeVersion {
    /// The version of this build, e.g. `0.4.0`.
    public static let current = "0.4.0"
}
