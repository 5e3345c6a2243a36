import Foundation
import Hummingbird
import Logging
import Runsmith

/// The HTTP side of `runsmith serve` (Hummingbird 2): pages from the in-memory build with
/// `Cache-Control: no-store`, and `/_runsmith/events`, a Server-Sent Events stream of rebuilds.
public enum PreviewServer {
    /// Serves until the task is cancelled (or, with `handlesSignals`, until Ctrl-C or SIGTERM), then shuts
    /// down cleanly. `started` gets the bound port (useful with port 0).
    public static func run(site: PreviewSite, host: String, port: Int, handlesSignals: Bool = false,
                           started: @escaping @Sendable (Int) async -> Void) async throws {
        // One handler for every path: the router's prefix tree would send `/_runsmith/runsmith.css`
        // into the `/_runsmith/events` branch and never back to a catch-all.
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            if request.uri.path == "/_runsmith/events" { return await events(site) }
            let answer = await site.answer(for: request.uri.path)
            var headers = HTTPFields()
            headers[.contentType] = answer.contentType
            headers[.cacheControl] = "no-store"
            return Response(status: .init(code: answer.status), headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        let router = Router()
        router.get("/", use: handler)
        router.get("**", use: handler)
        // `runsmith serve` says itself where it listens; the server's own log only speaks up for real trouble
        // (closing the connections on shutdown is not).
        var logger = Logger(label: "runsmith-serve")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port)),
                              onServerRunning: { channel in await started(channel.localAddress?.port ?? port) }, logger: logger)
        guard handlesSignals else { return try await app.runService(gracefulShutdownSignals: []) }
        // Ctrl-C or SIGTERM: end the open event streams first (a graceful shutdown would wait for them
        // forever), then stop the server.
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        let stops = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Task {
                    // Open pages get the end of their stream before the connections close.
                    await site.closeEvents()
                    await site.waitForStreamsToEnd(upTo: .seconds(2))
                    serving.cancel()
                }
            }
            source.resume()
            return source
        }
        defer { stops.forEach { $0.cancel() } }
        try await serving.value
    }

    /// `text/event-stream`: a comment when connected, then `data: <generation>` after every rebuild.
    static func events(_ site: PreviewSite) async -> Response {
        let events = await site.events()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            await site.streamStarted()
            do {
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                for await generation in events {
                    try await writer.write(ByteBuffer(string: "data: \(generation)\n\n"))
                }
                try await writer.finish(nil)
            } catch {
                await site.streamEnded()
                throw error
            }
            await site.streamEnded()
        })
    }
}
