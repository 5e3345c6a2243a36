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
        for property in Mirror(reflecting: layout).children {
            let name = try XCTUnwrap(property.label)
            let value = try XCTUnwrap(layout.child(named: name), name)
            // A set optional reflects as `Optional(value)`; the switch hands out the value.
            let optional = Mirror(reflecting: property.value)
            let expected = optional.displayStyle == .optional ? try XCTUnwrap(optional.children.first).value : property.value
            XCTAssertEqual(String(describing: value), String(describing: expected), name)
        }
        for entry in [layout.toc[0] as MustacheParent, layout.prev! as MustacheParent] {
            for property in Mirror(reflecting: entry).children {
                XCTAssertNotNil(entry.child(named: property.label!), property.label!)
            }
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
