import Mustache

// The views' names, looked up by a switch rather than through `Mirror`, which reflects every property
// on each lookup: a checklist of a few hundred items took a sixth of a build's time that way.
// `TemplateViewTests` checks that each switch names every property.

extension RunbookPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "steps": steps
        case "outro": outro
        case "checklist": checklist
        case "provenance": provenance
        default: nil
        }
    }
}

extension RunbookPageView.Step: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "id": id
        case "title": title
        case "owner": owner
        case "estimate": estimate
        case "verify": verify
        case "hasMeta": hasMeta
        case "body": body
        default: nil
        }
    }
}

extension ChecklistView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tenantID": tenantID
        case "runbookID": runbookID
        case "steps": steps
        case "itemCount": itemCount
        case "provenance": provenance
        default: nil
        }
    }
}

extension ChecklistView.Step: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "stepURL": stepURL
        case "owner": owner
        case "estimate": estimate
        case "verify": verify
        case "hasFacts": hasFacts
        case "items": items
        case "isItem": isItem
        default: nil
        }
    }
}

extension ChecklistView.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "key": key
        case "slot": slot
        case "number": number
        case "text": text
        case "html": html
        default: nil
        }
    }
}

extension RunbooksIndexView: MustacheParent {
    func child(named name: String) -> Any? { name == "rows" ? rows : nil }
}

extension RunbooksIndexView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tenantName": tenantName
        case "homeURL": homeURL
        case "runbookTitle": runbookTitle
        case "pageURL": pageURL
        case "checklistURL": checklistURL
        case "jsonURL": jsonURL
        default: nil
        }
    }
}

extension CategoryIndexView: MustacheParent {
    func child(named name: String) -> Any? { name == "cards" ? cards : nil }
}

extension CategoryIndexView.Card: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "url": url
        default: nil
        }
    }
}
