/// The last position of the log and its hash: the anchor an operator keeps outside the store.
public struct ChainHead: Sendable, Equatable, CustomStringConvertible {
    /// The last position (0 for an empty log).
    public var position: Int64
    /// 32 bytes; the genesis hash (32 zero bytes) at position 0.
    public var hash: [UInt8]

    /// Creates an anchor.
    public init(position: Int64, hash: [UInt8]) {
        self.position = position
        self.hash = hash
    }

    /// `POSITION:HEXHASH`, the form `verify --expect-head` takes.
    public var description: String { "\(position):\(hash.hexString)" }
}

extension Array where Element == UInt8 {
    /// Lower-case hexadecimal, two digits a byte.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
