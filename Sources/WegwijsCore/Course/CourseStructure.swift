/// What decides a course's routes and scores, apart from its wording (SPEC §4
/// `course.structure`): an attempt in progress resumes across a change of wording, and `verify`
/// accepts a record made on an earlier wording, as long as this hash is the same.
enum CourseStructure {
    /// Fields that hold wording only, per level of the course document. `version` and
    /// `$schema` are left out too: neither decides a route or a score, and a typo fix usually
    /// comes with a new version number. So is the `policy` the course carries: it is shown, never scored.
    private static let courseWording: Set = ["$schema", "version", "title", "introduction", "closing", "acknowledgement", "policy"]
    private static let guidelineWording: Set = ["title", "summary"]
    private static let scenarioWording: Set = ["title", "channel", "situation", "question", "explanation"]
    private static let optionWording: Set = ["text", "feedback"]

    /// Hex SHA-256 of the canonical JSON of the course document without its wording.
    static func hash(of root: JSONNode) -> String {
        CourseLoader.sha256Hex(CanonicalJSON.bytes(of: stripped(root)))
    }

    static func stripped(_ root: JSONNode) -> JSONNode {
        without(courseWording, in: root) { key, node in
            switch key {
            case "guidelines": each(node) { without(guidelineWording, in: $0) }
            case "scenarios":
                each(node) { scenario in
                    without(scenarioWording, in: scenario) { key, node in
                        key == "options" ? each(node) { without(optionWording, in: $0) } : node
                    }
                }
            default: node
            }
        }
    }

    private static func without(_ keys: Set<String>, in node: JSONNode,
                                _ transform: (String, JSONNode) -> JSONNode = { $1 }) -> JSONNode {
        guard let members = node.members else { return node }
        let kept = members.filter { !keys.contains($0.key) }.map { member in
            JSONMember(key: member.key, keyOffset: member.keyOffset, node: transform(member.key, member.node))
        }
        return JSONNode(.object(kept), offset: node.offset)
    }

    private static func each(_ node: JSONNode, _ transform: (JSONNode) -> JSONNode) -> JSONNode {
        guard let elements = node.elements else { return node }
        return JSONNode(.array(elements.map(transform)), offset: node.offset)
    }
}
