/// `{% include "…" %}` and MDX partials (`<Partial prop="…" />`): another file's body, frontmatter
/// stripped, expanded in place with its own line map, include chain and cycle check.
extension PreprocessRun {
    mutating func include(_ reference: String, at location: SourceLocation, context: LineContext,
                          props: [String: String] = [:], kind: String = "include") {
        let chainList = page.chains[context.chain]
        func fail(_ code: DiagnosticCode, _ message: String, note: String? = nil) {
            diagnostics.append(.error(code, message, at: location, includeChain: chainList, note: note))
        }
        let target: String
        switch IncludeResolver.resolve(reference, from: context.file, spaces: settings.spaces) {
        case .success(let path): target = path
        case .failure(let error): return fail(error.code, error.message, note: error.note)
        }
        if context.active.contains(target) {
            let steps = (chainList + [location]).map { "\($0.path):\($0.line)" } + [target]
            return fail(.includeCycle, "\(kind) cycle: \(steps.joined(separator: " → "))")
        }
        if context.active.count > settings.limits.maxIncludeDepth {
            return fail(.includeDepth, "\(kind)s nested deeper than the limit of \(settings.limits.maxIncludeDepth)",
                        note: "raise `limits: include_depth:` in runsmith.yml")
        }
        if expansions >= settings.limits.maxIncludes {
            overLimit = true
            return fail(.includeCount, "page expands more than the limit of \(settings.limits.maxIncludes) includes and partials",
                        note: "raise `limits: includes:` in runsmith.yml, or include a shared file once rather than in every include")
        }
        expansions += 1
        // Read, checked and split once per page, however often it is included (a diamond of includes).
        let loaded: Result<([UInt8], FrontmatterSplit), DiagnosticError>
        if let known = loadedIncludes[target] {
            loaded = known
        } else {
            let read: [UInt8]?
            do { read = try settings.read(target) } catch {
                return fail(.unreadableFile, "cannot read \(kind == "include" ? "included file" : "partial") '\(reference)': \(ContentTree.reason(error))")
            }
            guard let bytes = read else {
                if settings.escapingLinks.contains(target) {
                    return fail(.pathEscapesRoot, "\(kind == "include" ? "included file" : "partial") '\(reference)' is a symlink pointing outside the content root")
                }
                return fail(.missingInclude, "\(kind == "include" ? "included file" : "partial") '\(reference)' not found (looked for \(target))")
            }
            loaded = SourceText.validate(bytes, path: target).flatMap({ v in FrontmatterSplit.split(v, path: target).map { (v, $0) } })
            loadedIncludes[target] = loaded
        }
        switch loaded {
        case .failure(let error):
            var d = error.diagnostic
            d.includeChain = chainList + [location]
            diagnostics.append(d)
        case .success(let (valid, split)):
            page.includedFiles.insert(target)
            if page.text.count + valid.count > settings.limits.maxExpandedBytes {
                overLimit = true
                return fail(.expandedSize, "page grows past the limit of \(settings.limits.maxExpandedBytes) bytes with its \(kind)s",
                            note: "raise `limits: expanded_bytes:` in runsmith.yml")
            }
            page.chains.append(chainList + [location])
            expand(file: target, bytes: valid, from: split.bodyOffset, firstLine: split.bodyLine,
                   indent: context.placed, chain: page.chains.count - 1, active: context.active + [target], props: props)
        }
    }
}
