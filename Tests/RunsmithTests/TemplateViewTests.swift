import Foundation
import Mustache
import XCTest
@testable import Runsmith

final class TemplateViewTests: XCTestCase {
    /// The layout reads its names through a switch rather than `Mirror`: every property must be there.
    func testTheLayoutSwitchNamesEveryProperty() throws {
        var layout = LayoutView(siteTitle: "S", root: "../", home: "../index.html", title: "T", source: "a.md")
        layout.heading = "H"
        layout.icon = "book"
        layout.route = "a.html"
        layout.editURL = "https://example.com/edit/a.md"
        layout.prev = .init(url: "p.html", title: "P")
        layout.next = .init(url: "n.html", title: "N")
        layout.toc = [.init(id: "x", text: "X", sub: true)]
        layout.lastUpdated = .init(1_700_000_000)
        layout.header.logo = .init(path: "a/logo.svg", at: SourceLocation(path: "runsmith.yml"))
        layout.header.links = [.init(title: "L", url: "https://l.example")]
        layout.header.repository = "https://github.com/a/b"
        for property in Mirror(reflecting: layout).children {
            let name = try XCTUnwrap(property.label)
            let value = try XCTUnwrap(layout.child(named: name), name)
            // A set optional reflects as `Optional(value)`; the switch hands out the value.
            let optional = Mirror(reflecting: property.value)
            let expected = optional.displayStyle == .optional ? try XCTUnwrap(optional.children.first).value : property.value
            XCTAssertEqual(String(describing: value), String(describing: expected), name)
        }
        XCTAssertEqual(layout.lastUpdated?.date, "2023-11-14")
        XCTAssertEqual(layout.lastUpdated?.instant, "2023-11-14T22:13:20Z")
        for entry in [layout.toc[0] as MustacheParent, layout.prev!, layout.lastUpdated!, layout.header.links[0]] {
            for property in Mirror(reflecting: entry).children {
                XCTAssertNotNil(entry.child(named: property.label!), property.label!)
            }
        }
        // The header's names are what the template reads, not its stored properties.
        for name in ["logo", "links", "hasLinks", "repository", "repositoryName"] {
            XCTAssertNotNil(layout.header.child(named: name), name)
        }
    }

    /// The body views too: every property of each (with every optional set) is found by its name.
    func testEveryViewSwitchNamesEveryProperty() throws {
        let step = RunbookPageView.Step(number: 1, id: "s", title: "T", owner: "O", estimate: "5 min", verify: "V", hasMeta: true, body: "<p>b</p>")
        let item = ChecklistView.Item(id: "i", key: "k", slot: "k|1", number: "1.1", text: "T", html: "<b>T</b>")
        let checklistStep = ChecklistView.Step(number: 1, title: "T", stepURL: "u", owner: "O", estimate: "5 min", verify: "V", hasFacts: true,
                                               items: [item], isItem: false)
        let checklist = ChecklistView(tenantID: "t", runbookID: "r", steps: [checklistStep], provenance: "P")
        let row = RunbooksIndexView.Row(tenantName: "N", homeURL: "h", runbookTitle: "T", pageURL: "p", checklistURL: "c", jsonURL: "j")
        let card = CategoryIndexView.Card(title: "T", description: "D", url: "u")
        let entry = TenantHomeView.Entry(title: "T", pageURL: "p", checklistURL: "c", jsonURL: "j", singleFileURL: "s")
        let views: [MustacheParent] = [
            RunbookPageView(steps: [step], outro: "O", checklist: checklist, provenance: "P"), step,
            checklist, checklistStep, item,
            RunbooksIndexView(rows: [row]), row, CategoryIndexView(cards: [card]), card,
            TenantHomeView(tenantName: "N", runbooks: [entry]), entry,
            SiteMapView(pages: [.init(url: "u")]), SiteMapView.Entry(url: "u"), NotFoundView(home: "h"),
        ]
        for view in views {
            for property in Mirror(reflecting: view).children {
                let name = try XCTUnwrap(property.label)
                XCTAssertNotNil(view.child(named: name), "\(type(of: view)).\(name)")
            }
        }
    }
}
