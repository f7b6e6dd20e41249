#include "crdt/doc.h"
#include "crdt/encoding.h"

namespace convene::crdt {

std::string deltaToJson(const std::vector<DeltaOp>& delta)
{
    std::string out = "[";
    bool first = true;
    for (const DeltaOp& op : delta) {
        if (!first)
            out += ',';
        first = false;
        out += '{';
        switch (op.kind) {
        case DeltaOp::Kind::Insert:
            out += "\"insert\":";
            if (op.embed)
                op.embed->appendJson(out);
            else if (!op.values.empty())
                Value::array(op.values).appendJson(out);
            else
                appendJsonString(out, toUtf8(op.text));
            break;
        case DeltaOp::Kind::Retain: out += "\"retain\":" + std::to_string(op.count); break;
        case DeltaOp::Kind::Delete: out += "\"delete\":" + std::to_string(op.count); break;
        }
        if (op.attributes.kind() == Value::Kind::Object) {
            out += ",\"attributes\":";
            op.attributes.appendJson(out);
        }
        out += '}';
    }
    out += ']';
    return out;
}

} // namespace convene::crdt
