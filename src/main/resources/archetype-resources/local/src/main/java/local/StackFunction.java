package ${package}.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ${package}.handlers.Route;

/**
 * A route's function as the synthesized stack defines it: its memory and the environment variables
 * that are plain values (table names and other references are local stand-ins here).
 *
 * @param route the route it serves
 * @param memoryMb its memory size
 * @param environment its literal environment variables, JAVA_TOOL_OPTIONS included
 */
record StackFunction(Route route, int memoryMb, Map<String, String> environment) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The function of every route in the template, or in the template of a cloud assembly folder that
   * has them (the folder also holds the account stack's template).
   */
  static List<StackFunction> fromTemplate(Path templateOrFolder) {
    Path template =
        Files.isDirectory(templateOrFolder) ? serviceTemplate(templateOrFolder) : templateOrFolder;
    JsonNode resources = resources(template);
    List<StackFunction> functions = new ArrayList<>();
    for (Route route : Route.values()) {
      String handler = route.handler().getName() + "::handleRequest";
      JsonNode properties = find(resources, handler, template);
      Map<String, String> environment = new TreeMap<>();
      properties
          .path("Environment")
          .path("Variables")
          .properties()
          .forEach(
              variable -> {
                if (variable.getValue().isTextual()) {
                  environment.put(variable.getKey(), variable.getValue().textValue());
                }
              });
      functions.add(new StackFunction(route, properties.path("MemorySize").asInt(), environment));
    }
    return functions;
  }

  /** The functions the options name, or every route's; fails naming the choices otherwise. */
  static List<StackFunction> selected(BenchmarkOptions options) {
    List<StackFunction> all = fromTemplate(options.template());
    List<String> names = all.stream().map(f -> f.route().functionName()).toList();
    if (!names.containsAll(options.functions())) {
      throw new IllegalArgumentException(
          "functions must be among " + names + ": " + options.functions());
    }
    return all.stream()
        .filter(
            f ->
                options.functions().isEmpty()
                    || options.functions().contains(f.route().functionName()))
        .toList();
  }

  private static JsonNode find(JsonNode resources, String handler, Path template) {
    for (JsonNode resource : resources) {
      if ("AWS::Lambda::Function".equals(resource.path("Type").asText())
          && handler.equals(resource.path("Properties").path("Handler").asText())) {
        return resource.path("Properties");
      }
    }
    throw new IllegalStateException(
        "No function runs " + handler + " in " + template + ": synthesize the stack again");
  }

  private static JsonNode resources(Path template) {
    try {
      return JSON.readTree(template.toFile()).path("Resources");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the template " + template, e);
    }
  }

  private static Path serviceTemplate(Path folder) {
    String handler = Route.values()[0].handler().getName() + "::handleRequest";
    List<Path> templates = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*.template.json")) {
      for (Path template : found) {
        for (JsonNode resource : resources(template)) {
          if (handler.equals(resource.path("Properties").path("Handler").asText())) {
            templates.add(template);
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
    if (templates.size() != 1) {
      throw new IllegalStateException(
          "Expected one *.template.json with the route functions in "
              + folder
              + " (run make synth), found "
              + Arrays.toString(templates.toArray()));
    }
    return templates.get(0);
  }
}
