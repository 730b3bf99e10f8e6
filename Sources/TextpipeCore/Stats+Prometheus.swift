import StageKit

extension Stats {
    /// A metric that is not kept in `Stats` (generation, uptime…), added to the exposition.
    public struct ExtraMetric: Sendable {
        public var name: String
        public var help: String
        public var type: String
        public var samples: [(labels: [(String, String)], value: Double)]
        public init(name: String, help: String, type: String, samples: [(labels: [(String, String)], value: Double)]) {
            self.name = name; self.help = help; self.type = type; self.samples = samples
        }
    }

    /// The statistics in Prometheus text exposition format 0.0.4 (`Content-Type: text/plain; version=0.0.4`).
    public func prometheus(extra: [ExtraMetric] = []) -> String {
        var out = PrometheusWriter()
        out.family("textpiped_requests_total", "Requests answered, errors included.", "counter")
        out.sample("textpiped_requests_total", [], Double(requestCount))
        out.family("textpiped_errors_total", "Error answers by error code.", "counter")
        for code in ErrorCode.allCases { out.sample("textpiped_errors_total", [("code", code.rawValue)], Double(errors(code))) }
        out.family("textpiped_oversized_lines_total", "Request lines longer than server.max_line_bytes.", "counter")
        out.sample("textpiped_oversized_lines_total", [], Double(oversizedLines))
        let g = gauges
        out.family("textpiped_queue_depth", "Requests waiting for or running on a worker.", "gauge")
        out.sample("textpiped_queue_depth", [], Double(g.queueDepth))
        out.family("textpiped_connections", "Open client connections.", "gauge")
        out.sample("textpiped_connections", [], Double(g.connections))
        out.family("textpiped_reloads_total", "Configuration reloads by result.", "counter")
        out.sample("textpiped_reloads_total", [("result", "ok")], Double(reloadsOK.value))
        out.sample("textpiped_reloads_total", [("result", "failed")], Double(reloadsFailed.value))

        let all = pipelines
        out.family("textpiped_pipeline_requests_total", "Requests answered per pipeline by result.", "counter")
        for p in all {
            out.sample("textpiped_pipeline_requests_total", [("pipeline", p.name), ("result", "ok")], Double(p.ok.value))
            out.sample("textpiped_pipeline_requests_total", [("pipeline", p.name), ("result", "error")], Double(p.errors.value))
        }
        out.family("textpiped_request_duration_seconds", "Time from reading a request to its answer, per pipeline.", "histogram")
        for p in all { out.histogram("textpiped_request_duration_seconds", [("pipeline", p.name)], p.latency.snapshot()) }
        out.family("textpiped_stage_duration_seconds", "Time spent in each stage, per pipeline.", "histogram")
        for p in all {
            for s in p.stages { out.histogram("textpiped_stage_duration_seconds", [("pipeline", p.name), ("stage", s.name)], s.latency.snapshot()) }
        }
        out.family("textpiped_stage_failures_total", "Stage runs that threw, per pipeline and stage.", "counter")
        for p in all {
            for s in p.stages { out.sample("textpiped_stage_failures_total", [("pipeline", p.name), ("stage", s.name)], Double(s.failures.value)) }
        }
        for m in extra {
            out.family(m.name, m.help, m.type)
            for s in m.samples { out.sample(m.name, s.labels, s.value) }
        }
        return out.text
    }
}

/// Builds exposition text.
struct PrometheusWriter {
    var text = ""

    mutating func family(_ name: String, _ help: String, _ type: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(Log.escape($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " " + Self.number(value) + "\n"
    }

    mutating func histogram(_ name: String, _ labels: [(String, String)], _ h: LatencyHistogram.Snapshot) {
        var cumulative = 0
        for (i, c) in h.counts.enumerated() {
            cumulative += c
            let le = i < LatencyHistogram.bounds.count ? Self.number(Double(LatencyHistogram.bounds[i]) / 1e9) : "+Inf"
            sample(name + "_bucket", labels + [("le", le)], Double(cumulative))
        }
        sample(name + "_sum", labels, Double(h.sumNanos) / 1e9)
        sample(name + "_count", labels, Double(cumulative))
    }

    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
