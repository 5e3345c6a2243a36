/// Where a tenant's deliverables go. The build keeps them under `_tenants/` of its files; the writer
/// puts that folder at `--tenants-out` (default `_tenants/`), apart from the public site (`--out`),
/// which then holds nothing tenant-specific. Each `_tenants/<id>/` is complete on its own (pages,
/// theme, images, `manifest.json`), so it can be zipped and sent; `_tenants/index.html` is the internal
/// overview of every tenant, outside every tenant's folder.
public enum TenantFolder {
    public static let name = "_tenants"
    static let prefix = name + "/"

    /// `file` (relative to the tenant's folder) as a path of the build's files.
    static func path(_ tenant: String, _ file: String) -> String { prefix + tenant + "/" + file }

    /// The tenant whose folder holds `path`, if any.
    static func tenant(of path: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let id = String(rest[..<slash])
        return id == OutputWriter.marker ? nil : id
    }
}
