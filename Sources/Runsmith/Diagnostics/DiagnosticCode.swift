/// Every diagnostic code Runsmith emits: its name in output and in `severity:` (runsmith.yml), its default
/// severity, and where docs/diagnostics.md explains it. Adding a code is a case here and a row there
/// (`DiagnosticCodeTests` checks both).
public enum DiagnosticCode: String, CaseIterable, Sendable, Codable, Comparable, CustomStringConvertible {
    // Load: files, config, frontmatter
    case missingRoot = "missing-root"
    case unreadableRoot = "unreadable-root"
    case unreadablePage = "unreadable-page"
    case binaryFile = "binary-file"
    case invalidUtf8 = "invalid-utf8"
    case emptyPage = "empty-page"
    case invalidYaml = "invalid-yaml"
    case unclosedFrontmatter = "unclosed-frontmatter"
    case invalidFrontmatter = "invalid-frontmatter"
    case invalidConfig = "invalid-config"
    case unknownKey = "unknown-key"
    case duplicateRoute = "duplicate-route"
    case brokenRedirect = "broken-redirect"
    case unreadableFile = "unreadable-file"
    // Preprocess: includes and tags
    case invalidInclude = "invalid-include"
    case missingInclude = "missing-include"
    case includeCycle = "include-cycle"
    case includeDepth = "include-depth"
    case includeCount = "include-count"
    case expandedSize = "expanded-size"
    case remoteInclude = "remote-include"
    case unmappedInclude = "unmapped-include"
    case pathEscapesRoot = "path-escapes-root"
    case unclosedTag = "unclosed-tag"
    case invalidTag = "invalid-tag"
    case unknownTag = "unknown-tag"
    case misplacedTag = "misplaced-tag"
    case mismatchedTag = "mismatched-tag"
    case unmatchedCloser = "unmatched-closer"
    case unclosedBlock = "unclosed-block"
    case integrationDropped = "integration-dropped"
    case unknownAdmonition = "unknown-admonition"
    case strayCloser = "stray-closer"
    case unknownComponent = "unknown-component"
    case sidebarsIgnored = "sidebars-ignored"
    // Transform: directives, headings, links, assets
    case crossedBlock = "crossed-block"
    case directiveInHtml = "directive-in-html"
    case inlineTag = "inline-tag"
    case unparsedLink = "unparsed-link"
    case unknownHintStyle = "unknown-hint-style"
    case invalidEmbed = "invalid-embed"
    case invalidCondition = "invalid-condition"
    case invalidContentRef = "invalid-content-ref"
    case invalidFile = "invalid-file"
    case openapiCard = "openapi-card"
    case brokenLink = "broken-link"
    case missingAnchor = "missing-anchor"
    case missingImage = "missing-image"
    case missingFile = "missing-file"
    case unreadableAsset = "unreadable-asset"
    case unbuiltPage = "unbuilt-page"
    case unknownSpace = "unknown-space"
    case duplicateId = "duplicate-id"
    case unrenderedMath = "unrendered-math"
    case unsafeHtml = "unsafe-html"
    case unsafeUrl = "unsafe-url"
    case unknownHtml = "unknown-html"
    case unbalancedHtml = "unbalanced-html"
    // Tenants and runbooks
    case invalidTenant = "invalid-tenant"
    case invalidRunbook = "invalid-runbook"
    case unknownVariable = "unknown-variable"
    case invalidVariable = "invalid-variable"
    case missingVariable = "missing-variable"
    case undeclaredVariable = "undeclared-variable"
    case tenantLeak = "tenant-leak"
    case withheldContent = "withheld-content"
    case singleFileLinks = "single-file-links"
    // Render and write
    case invalidTemplate = "invalid-template"
    case missingTemplate = "missing-template"
    case unsafeOutput = "unsafe-output"
    case writeFailed = "write-failed"
    case missingPdfEngine = "missing-pdf-engine"
    case cacheUnwritable = "cache-unwritable"
    case highlighterUnavailable = "highlighter-unavailable"

    /// Its severity unless `severity:` in runsmith.yml says otherwise.
    public var severity: Severity {
        switch self {
        case .integrationDropped, .strayCloser, .unknownComponent, .sidebarsIgnored, .openapiCard,
             .unknownSpace, .duplicateId, .unrenderedMath, .unsafeHtml, .unsafeUrl, .unknownHtml,
             .unbalancedHtml, .singleFileLinks, .cacheUnwritable:
            return .warning
        default:
            return .error
        }
    }

    /// The part of the pipeline that reports it: its section of docs/diagnostics.md.
    public enum Stage: String, Sendable {
        case load = "loading-files-configuration-frontmatter"
        case preprocess = "preprocessing-includes-and-tags"
        case transform = "transforming-tags-headings-links-assets"
        case tenants = "tenants-and-runbooks"
        case write = "rendering-and-writing"
    }

    public var stage: Stage {
        switch self {
        case .missingRoot, .unreadableRoot, .unreadablePage, .binaryFile, .invalidUtf8, .emptyPage,
             .invalidYaml, .unclosedFrontmatter, .invalidFrontmatter, .invalidConfig, .unknownKey,
             .duplicateRoute, .brokenRedirect, .unreadableFile:
            return .load
        case .invalidInclude, .missingInclude, .includeCycle, .includeDepth, .includeCount, .expandedSize,
             .remoteInclude, .unmappedInclude, .pathEscapesRoot, .unclosedTag, .invalidTag, .unknownTag,
             .misplacedTag, .mismatchedTag, .unmatchedCloser, .unclosedBlock, .integrationDropped,
             .unknownAdmonition, .strayCloser, .unknownComponent, .sidebarsIgnored:
            return .preprocess
        case .crossedBlock, .directiveInHtml, .inlineTag, .unparsedLink, .unknownHintStyle, .invalidEmbed,
             .invalidCondition, .invalidContentRef, .invalidFile, .openapiCard, .brokenLink, .missingAnchor,
             .missingImage, .missingFile, .unreadableAsset, .unbuiltPage, .unknownSpace, .duplicateId,
             .unrenderedMath, .unsafeHtml, .unsafeUrl, .unknownHtml, .unbalancedHtml:
            return .transform
        case .invalidTenant, .invalidRunbook, .unknownVariable, .invalidVariable, .missingVariable,
             .undeclaredVariable, .tenantLeak, .withheldContent, .singleFileLinks:
            return .tenants
        case .invalidTemplate, .missingTemplate, .unsafeOutput, .writeFailed, .missingPdfEngine, .cacheUnwritable,
             .highlighterUnavailable:
            return .write
        }
    }

    /// Where the code is explained, relative to the repository (`docs/diagnostics.md#tenants-and-runbooks`).
    public var documentation: String { "docs/diagnostics.md#\(stage.rawValue)" }

    /// Its name, as output and `severity:` write it.
    public var description: String { rawValue }

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}
