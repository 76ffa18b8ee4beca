import EventStore
import Foundation
import PostgresEventStore
import Testing

/// A TCP socket on 127.0.0.1 that listens but never answers: the kernel completes the
/// handshake, so a client waits for a server greeting that never comes.
final class SilentServer {
    let port: UInt16
    private let descriptor: Int32

    /// - Parameter listening: false binds a port and closes it, leaving nothing there.
    init(listening: Bool) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0
                    && (!listening || listen(descriptor, 16) == 0)
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        port = UInt16(bigEndian: address.sin_port)
        if !listening { close(descriptor) }
        self.descriptor = listening ? descriptor : -1
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
}

@Suite("PostgreSQL connection failures")
struct PostgresConnectionTests {
    /// Opens a store at `url` expecting a one-line `.postgres` error; returns the message
    /// and how long it took.
    private func failure(_ url: String) -> (message: String?, seconds: Double) {
        let started = Date()
        do {
            let store = try PostgresEventStore(url: url)
            store.close()
            return (nil, Date().timeIntervalSince(started))
        } catch EventStoreError.postgres(let message) {
            return (message, Date().timeIntervalSince(started))
        } catch {
            return ("unexpected \(error)", Date().timeIntervalSince(started))
        }
    }

    @Test("nothing listening: a one-line error at once")
    func refused() throws {
        let server = try SilentServer(listening: false)
        let result = failure("postgres://app:secret@127.0.0.1:\(server.port)/ledger")
        let message = try #require(result.message)
        #expect(message.hasPrefix("cannot connect: "), "\(message)")
        #expect(!message.contains("\n"))
        #expect(!message.contains("secret"))
        #expect(result.seconds < 5)
    }

    @Test("a server that never answers: an error after the default 5-second connect_timeout")
    func silentDefaultTimeout() throws {
        let server = try SilentServer(listening: true)
        let result = failure("postgres://app@127.0.0.1:\(server.port)/ledger")
        let message = try #require(result.message)
        #expect(message.hasPrefix("cannot connect: "), "\(message)")
        #expect(result.seconds >= 4 && result.seconds < 15, "took \(result.seconds) s")
    }

    @Test("connect_timeout in the URL is honoured")
    func silentURLTimeout() throws {
        let server = try SilentServer(listening: true)
        let result = failure(
            "postgres://app@127.0.0.1:\(server.port)/ledger?connect_timeout=2&sslmode=disable")
        #expect(result.message?.hasPrefix("cannot connect: ") == true)
        #expect(result.seconds >= 1.5 && result.seconds < 4.5, "took \(result.seconds) s")
    }

    @Test(
        "a malformed URL is a one-line error",
        arguments: [
            "postgres://app@127.0.0.1:notaport/ledger",
            "postgres://app@127.0.0.1/db?sslmode=sometimes",
        ])
    func malformed(url: String) throws {
        let message = try #require(failure(url).message)
        #expect(message.hasPrefix("cannot connect: "), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test(
        "a wrong password is a one-line error that does not show the password",
        .enabled(if: PostgresConnectionTests.passwordURL != nil))
    func wrongPassword() throws {
        let url = try #require(Self.passwordURL)
        let result = failure(url)
        let message = try #require(result.message)
        #expect(message.contains("password authentication failed"), "\(message)")
        #expect(!message.contains("wrong-password-x"))
        #expect(result.seconds < 5)
    }

    /// The test URL with its password replaced, when it has one.
    static let passwordURL: String? = {
        guard let url = PostgresTestServer.url, var parts = URLComponents(string: url),
            parts.password?.isEmpty == false
        else { return nil }
        parts.password = "wrong-password-x"
        return parts.string
    }()
}
