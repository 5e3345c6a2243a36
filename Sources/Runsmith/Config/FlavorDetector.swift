/// Picks the flavour when runsmith.yml does not say: GitBook markers win over Docusaurus markers.
public enum FlavorDetector {
    public static func detect(_ tree: ContentTree) -> Flavor {
        if tree.contains("SUMMARY.md") || tree.contains(".gitbook.yaml") || tree.directories.contains(".gitbook") {
            return .gitbook
        }
        if tree.files.contains(where: { $0.hasPrefix("docusaurus.config.") || $0.hasSuffix(".mdx") }) {
            return .docusaurus
        }
        return .gitbook
    }
}
