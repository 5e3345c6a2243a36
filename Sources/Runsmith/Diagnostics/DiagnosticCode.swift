/// Every diagnostic code Runsmith emits, with its default severity: what `severity:` in runsmith.yml may
/// name, and the table in docs/diagnostics.md. A test keeps this list and the sources in step.
public enum DiagnosticCode {
    public static let all: [String: Severity] = [
        // Load: files, config, frontmatter
        "missing-root": .error, "unreadable-root": .error, "unreadable-page": .error, "binary-file": .error,
        "invalid-utf8": .error, "empty-page": .error, "invalid-yaml": .error, "unclosed-frontmatter": .error,
        "invalid-frontmatter": .error, "invalid-config": .error, "unknown-key": .error, "duplicate-route": .error,
        "broken-redirect": .error, "unreadable-file": .error,
        // Preprocess: includes and tags
        "invalid-include": .error, "missing-include": .error, "include-cycle": .error, "include-depth": .error, "include-count": .error,
        "expanded-size": .error, "remote-include": .error, "unmapped-include": .error, "path-escapes-root": .error,
        "unclosed-tag": .error, "invalid-tag": .error, "unknown-tag": .error, "misplaced-tag": .error,
        "mismatched-tag": .error, "unmatched-closer": .error, "unclosed-block": .error, "integration-dropped": .warning,
        "unknown-admonition": .error, "stray-closer": .warning, "unknown-component": .warning,
        "sidebars-ignored": .warning,
        // Transform: directives, headings, links, assets
        "crossed-block": .error, "directive-in-html": .error, "inline-tag": .error, "unparsed-link": .error,
        "unknown-hint-style": .error, "invalid-embed": .error, "invalid-condition": .error, "invalid-content-ref": .error,
        "invalid-file": .error, "openapi-card": .warning, "broken-link": .error, "missing-anchor": .error,
        "missing-image": .error, "missing-file": .error, "unreadable-asset": .error, "unbuilt-page": .error,
        "unknown-space": .warning, "duplicate-id": .warning, "unrendered-math": .warning,
        "unsafe-html": .warning, "unsafe-url": .warning, "unknown-html": .warning, "unbalanced-html": .warning,
        // Tenants and runbooks
        "invalid-tenant": .error, "invalid-runbook": .error, "unknown-variable": .error, "invalid-variable": .error,
        "missing-variable": .error, "undeclared-variable": .error, "tenant-leak": .error, "withheld-content": .error,
        "single-file-links": .warning,
        // Render and write
        "invalid-template": .error, "missing-template": .error, "unsafe-output": .error, "write-failed": .error,
        "cache-unwritable": .warning,
    ]
}
