package demo.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import demo.common.Json;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The server's tools. Bad arguments are protocol errors (-32602); a tool that runs and fails
 * answers {@code isError: true}, as the MCP specification separates them.
 */
final class Tools {

  private Tools() {}

  static ArrayNode list() {
    ArrayNode tools = Json.MAPPER.createArrayNode();
    tools.add(
        tool(
            "echo",
            "Returns the text it was given.",
            schema("text", "string", "the text to return")));
    ObjectNode divide = schema("dividend", "number", "the number to divide");
    ((ObjectNode) divide.get("properties"))
        .putObject("divisor")
        .put("type", "number")
        .put("description", "the number to divide by");
    divide.withArray("required").add("divisor");
    tools.add(tool("divide", "Divides two numbers.", divide));
    ObjectNode none = Json.object().put("type", "object");
    none.putObject("properties");
    tools.add(tool("whoami", "Tells which client and user the bearer token stands for.", none));
    return tools;
  }

  static ObjectNode call(String name, JsonNode arguments, Introspection.Grant grant)
      throws RpcError {
    JsonNode args = arguments == null || arguments.isNull() ? Json.object() : arguments;
    if (!args.isObject()) {
      throw new RpcError(RpcError.INVALID_PARAMS, "arguments must be an object");
    }
    return switch (name) {
      case "echo" -> text(require(args, "text", JsonNode::isTextual, "a string").asText(), false);
      case "divide" -> divide(args);
      case "whoami" ->
          text(
              "client " + grant.clientId() + " for user " + grant.subject() + " (scope " + grant.scope() + ")",
              false);
      default -> throw new RpcError(RpcError.INVALID_PARAMS, "Unknown tool: " + name);
    };
  }

  private static ObjectNode divide(JsonNode args) throws RpcError {
    BigDecimal dividend = require(args, "dividend", JsonNode::isNumber, "a number").decimalValue();
    BigDecimal divisor = require(args, "divisor", JsonNode::isNumber, "a number").decimalValue();
    if (divisor.signum() == 0) {
      return text("cannot divide by zero", true);
    }
    BigDecimal quotient = dividend.divide(divisor, MathContext.DECIMAL64).stripTrailingZeros();
    ObjectNode result = text(quotient.toPlainString(), false);
    result.putObject("structuredContent").put("quotient", quotient);
    return result;
  }

  private static JsonNode require(
      JsonNode args, String field, java.util.function.Predicate<JsonNode> type, String what)
      throws RpcError {
    JsonNode value = args.get(field);
    if (value == null || !type.test(value)) {
      throw new RpcError(RpcError.INVALID_PARAMS, "Invalid arguments: '" + field + "' must be " + what);
    }
    return value;
  }

  private static ObjectNode text(String text, boolean isError) {
    ObjectNode result = Json.object();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    result.put("isError", isError);
    return result;
  }

  private static ObjectNode tool(String name, String description, ObjectNode inputSchema) {
    ObjectNode tool = Json.object().put("name", name).put("description", description);
    tool.set("inputSchema", inputSchema);
    return tool;
  }

  private static ObjectNode schema(String field, String type, String description) {
    ObjectNode schema = Json.object().put("type", "object");
    schema.putObject("properties").putObject(field).put("type", type).put("description", description);
    schema.putArray("required").add(field);
    return schema;
  }
}
