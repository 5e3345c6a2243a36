/// The sidebar: from SUMMARY.md for GitBook (groups, nesting), from the folder tree otherwise.
public struct Navigation: Sendable {
    public struct Item: Sendable {
        public var title: String
        /// Root-relative source path of a built page, or nil for a label / external entry.
        public var page: String?
        public var url: String?
        public var tooltip: String?
        public var children: [Item] = []
    }

    public struct Group: Sendable {
        public var title: String?
        public var items: [Item]
    }

    public var groups: [Group]

    /// Built pages in reading order: prev/next follow it.
    public var order: [String] {
        var result: [String] = []
        func walk(_ item: Item) { if let p = item.page { result.append(p) }; item.children.forEach(walk) }
        groups.forEach { $0.items.forEach(walk) }
        return result
    }

    public init(groups: [Group]) { self.groups = groups }

    public init(summary: Summary, hidden: Set<String>) {
        func convert(_ e: Summary.Entry) -> Item? {
            if let p = e.page, hidden.contains(p) { return nil }
            return Item(title: e.title, page: e.page, url: e.url, tooltip: e.tooltip, children: e.children.compactMap(convert))
        }
        groups = summary.groups.map { Group(title: $0.title, items: $0.entries.compactMap(convert)) }
    }

    /// A folder's `_category_.json` (Docusaurus): its label and position in the sidebar.
    public struct Category: Sendable, Equatable {
        public var label: String?
        public var position: Double?
        /// `link: {type: doc, id: …}`: the doc the category's label opens (resolved to its source path).
        public var linkedDoc: String?
        /// `link: {type: generated-index}`: Runsmith writes the category a page of cards for its items.
        public var generatedIndex = false
        public var description: String?
        public init(label: String? = nil, position: Double? = nil, linkedDoc: String? = nil) {
            self.label = label
            self.position = position
            self.linkedDoc = linkedDoc
        }

        /// The key a generated category page has among the pages: its folder with a trailing `/`.
        public static func generatedPage(folder: String) -> String { folder + "/" }
    }

    /// Folder order, as Docusaurus generates a sidebar: the folder's index page (`isIndex`) first, then pages
    /// and folders by `sidebar_position` (or `_category_.json` position, or a number prefix), then by name.
    public init(pages: [String], titles: [String: String], hidden: Set<String>,
                positions: [String: Double] = [:], categories: [String: Category] = [:],
                isIndex: ((String) -> Bool)? = nil) {
        let isIndex = isIndex ?? { Routes.isIndex(Routes.split($0).1) }
        final class Folder {
            var index: String?
            var files: [String] = []
            var folders: [String: Folder] = [:]
        }
        let root = Folder()
        for page in pages.sorted() where !hidden.contains(page) {
            var folder = root
            let parts = page.split(separator: "/").map(String.init)
            for part in parts.dropLast() {
                if folder.folders[part] == nil { folder.folders[part] = Folder() }
                folder = folder.folders[part]!
            }
            if isIndex(page) { folder.index = page } else { folder.files.append(page) }
        }
        /// Position first (unpositioned last), then the name without its number prefix.
        func key(_ name: String, _ position: Double?) -> (Double, String) {
            let prefix = Double(name.prefix { $0.isASCII && $0.isNumber })
            let numbered = DocusaurusRoutes.stripNumberPrefix(name) != name ? prefix : nil
            return (position ?? numbered ?? .infinity, DocusaurusRoutes.stripNumberPrefix(name).lowercased())
        }
        func items(_ folder: Folder, path: String) -> [Item] {
            var entries: [((Double, String), Item)] = folder.files.map { page in
                (key(Routes.split(page).1, positions[page]), Item(title: titles[page] ?? page, page: page))
            }
            for (name, sub) in folder.folders {
                let subPath = path.isEmpty ? name : path + "/" + name
                let category = categories[subPath]
                var item = Item(title: category?.label ?? sub.index.flatMap { titles[$0] } ?? DocusaurusRoutes.stripNumberPrefix(name),
                                page: category?.linkedDoc ?? sub.index)
                item.children = items(sub, path: subPath)
                entries.append((key(name, category?.position), item))
            }
            return entries.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var top = items(root, path: "")
        if let home = root.index { top.insert(Item(title: titles[home] ?? "Home", page: home), at: 0) }
        groups = [Group(title: nil, items: top)]
    }

    /// The entry that opens `page` (its children are what a generated category page lists).
    public func item(for page: String) -> Item? {
        func find(_ items: [Item]) -> Item? {
            for item in items {
                if item.page == page { return item }
                if let found = find(item.children) { return found }
            }
            return nil
        }
        return groups.lazy.compactMap { find($0.items) }.first
    }

    /// Mustache data for the sidebar, with page URLs relative to `route` (where the list is written).
    public func context(route: String, routes: [String: String]) -> [[String: Any]] {
        func item(_ i: Item) -> [String: Any] {
            let children = i.children.map(item)
            // Every key is set, so Mustache never falls back to a key of the context around the sidebar.
            var url = ""
            if let p = i.page, let r = routes[p] { url = RelativePath.relative(from: route, to: r) } else if let u = i.url { url = u }
            return ["title": i.title, "children": children, "hasChildren": !children.isEmpty,
                    "hasURL": !url.isEmpty, "url": url, "hasTooltip": i.tooltip != nil, "tooltip": i.tooltip ?? ""]
        }
        return groups.map { g in
            ["items": g.items.map(item), "hasGroupTitle": g.title != nil, "groupTitle": g.title ?? ""] as [String: Any]
        }
    }
}
