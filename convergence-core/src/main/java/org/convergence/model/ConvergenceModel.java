package org.convergence.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.followthemoney.model.Model;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.Schema;

/**
 * The FollowTheMoney default model merged with Convergence's extension schemata
 * ({@code convergence-model.yaml}: Transfer, Agreement, CooperationEvent and the technology domain).
 *
 * <p>Immutable after construction and safe to share between threads; {@link #standard()} returns the
 * one instance that the application uses.
 */
public final class ConvergenceModel {
    private static final String DEFAULT_MODEL = "/defaultModel.json";
    private static final String EXTENSION_MODEL = "/org/convergence/model/convergence-model.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile ConvergenceModel standard;

    private final Model model;
    private final Set<String> extensionSchemata;

    private ConvergenceModel(Model model, Set<String> extensionSchemata) {
        this.model = model;
        this.extensionSchemata = Set.copyOf(extensionSchemata);
    }

    /** The default FtM model with the project's extensions, loaded once. */
    public static ConvergenceModel standard() {
        ConvergenceModel result = standard;
        if (result == null) {
            synchronized (ConvergenceModel.class) {
                result = standard;
                if (result == null) {
                    standard = result = load();
                }
            }
        }
        return result;
    }

    private static ConvergenceModel load() {
        try (InputStream defaults = Model.class.getResourceAsStream(DEFAULT_MODEL);
                InputStream extension = ConvergenceModel.class.getResourceAsStream(EXTENSION_MODEL)) {
            if (defaults == null || extension == null) {
                throw new IllegalStateException("model files missing from the class path: " + DEFAULT_MODEL + ", " + EXTENSION_MODEL);
            }
            ObjectNode root = (ObjectNode) JSON.readTree(defaults);
            JsonNode extensionRoot = new YAMLMapper().readTree(extension);
            Set<String> added = ExtensionCompiler.merge(root, extensionRoot.get("schemata"));
            ExtensionCompiler.addProperties(root, extensionRoot.path("additions"));
            return new ConvergenceModel(Model.fromJson(JSON, root), added);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the FollowTheMoney model", e);
        }
    }

    public Model ftm() {
        return model;
    }

    /** The schema of this name, or empty when the model has none. */
    public Optional<Schema> schema(String name) {
        return Optional.ofNullable(model.getSchema(name));
    }

    /** The schema of this name; throws when it does not exist. */
    public Schema requireSchema(String name) {
        return schema(name).orElseThrow(() -> new IllegalArgumentException("unknown schema '" + name + "'"));
    }

    /** Whether the schema was declared by Convergence rather than by FollowTheMoney. */
    public boolean isExtension(Schema schema) {
        return extensionSchemata.contains(schema.getName());
    }

    public Set<String> extensionSchemata() {
        return extensionSchemata;
    }

    /**
     * Compiles the readable extension file into the JSON form of FtM's default model: fills in the
     * derived fields (name, qname, limits, the schema hierarchy) and adds the reverse stubs to the
     * range schemata, so that FtM's own {@link Model#fromJson} can read the merged tree.
     */
    private static final class ExtensionCompiler {
        static Set<String> merge(ObjectNode root, JsonNode extensions) {
            requireNonNull(extensions, "convergence-model.yaml has no 'schemata'");
            ObjectNode schemata = (ObjectNode) root.get("schemata");
            ObjectNode types = (ObjectNode) root.get("types");
            Set<String> added = new LinkedHashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = extensions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                if (schemata.has(name)) {
                    throw new IllegalStateException("extension schema '" + name + "' is already in the FtM model");
                }
                schemata.set(name, entry.getValue().deepCopy());
                added.add(name);
            }
            for (String name : added) {
                compileSchema(name, (ObjectNode) schemata.get(name), schemata, types);
            }
            for (String name : added) {
                ((ObjectNode) schemata.get(name)).set("schemata", hierarchy(name, schemata));
            }
            return added;
        }

        /** Adds the extension's properties to schemata of the default model. */
        static void addProperties(ObjectNode root, JsonNode additions) {
            ObjectNode schemata = (ObjectNode) root.get("schemata");
            ObjectNode types = (ObjectNode) root.get("types");
            for (Iterator<Map.Entry<String, JsonNode>> it = additions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                ObjectNode schema = (ObjectNode) schemata.get(entry.getKey());
                if (schema == null) {
                    throw new IllegalStateException("additions name unknown schema '" + entry.getKey() + "'");
                }
                ObjectNode properties = (ObjectNode) schema.get("properties");
                for (Iterator<Map.Entry<String, JsonNode>> props = entry.getValue().path("properties").fields(); props.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = props.next();
                    if (properties.has(property.getKey())) {
                        throw new IllegalStateException("property '" + entry.getKey() + ":" + property.getKey() + "' is already in the FtM model");
                    }
                    ObjectNode copy = property.getValue().deepCopy();
                    compileProperty(entry.getKey(), property.getKey(), copy, schemata, types);
                    properties.set(property.getKey(), copy);
                }
            }
        }

        private static void compileSchema(String name, ObjectNode schema, ObjectNode schemata, ObjectNode types) {
            schema.putIfAbsent("extends", JSON.createArrayNode());
            for (JsonNode parent : schema.get("extends")) {
                if (!schemata.has(parent.asText())) {
                    throw new IllegalStateException("schema '" + name + "' extends unknown schema '" + parent.asText() + "'");
                }
            }
            for (String list : List.of("featured", "required", "caption")) {
                schema.putIfAbsent(list, JSON.createArrayNode());
            }
            if (schema.has("edge")) {
                ObjectNode edge = (ObjectNode) schema.get("edge");
                edge.putIfAbsent("caption", JSON.createArrayNode());
            }
            ObjectNode properties = (ObjectNode) schema.get("properties");
            if (properties == null) {
                schema.set("properties", properties = JSON.createObjectNode());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                compileProperty(name, entry.getKey(), (ObjectNode) entry.getValue(), schemata, types);
            }
        }

        private static void compileProperty(String schemaName, String name, ObjectNode property, ObjectNode schemata, ObjectNode types) {
            String typeName = property.path("type").asText("string");
            JsonNode type = types.get(typeName);
            if (type == null) {
                throw new IllegalStateException("property '" + schemaName + ":" + name + "' has unknown type '" + typeName + "'");
            }
            property.put("name", name);
            property.put("qname", schemaName + ":" + name);
            property.put("type", typeName);
            property.putIfAbsent("maxLength", type.get("maxLength"));
            if (type.path("matchable").asBoolean(false)) {
                property.putIfAbsent("matchable", JSON.getNodeFactory().booleanNode(true));
            }
            JsonNode reverse = property.get("reverse");
            if (reverse == null || !reverse.isObject()) {
                return;
            }
            String range = property.path("range").asText();
            ObjectNode rangeSchema = (ObjectNode) schemata.get(range);
            if (rangeSchema == null) {
                throw new IllegalStateException("property '" + schemaName + ":" + name + "' has unknown range '" + range + "'");
            }
            String reverseName = reverse.get("name").asText();
            ObjectNode stub = JSON.createObjectNode();
            stub.put("label", reverse.path("label").asText(reverseName));
            stub.put("name", reverseName);
            stub.put("qname", range + ":" + reverseName);
            stub.put("type", "entity");
            stub.put("range", schemaName);
            stub.put("reverse", name);
            stub.put("stub", true);
            stub.put("matchable", true);
            stub.set("maxLength", type.get("maxLength"));
            ((ObjectNode) rangeSchema.get("properties")).set(reverseName, stub);
            property.put("reverse", reverseName);
        }

        private static ArrayNode hierarchy(String name, ObjectNode schemata) {
            Set<String> names = new LinkedHashSet<>();
            collect(name, schemata, names);
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(null);
            ArrayNode array = JSON.createArrayNode();
            sorted.forEach(array::add);
            return array;
        }

        private static void collect(String name, ObjectNode schemata, Set<String> into) {
            if (!into.add(name)) {
                return;
            }
            for (JsonNode parent : schemata.get(name).path("extends")) {
                collect(parent.asText(), schemata, into);
            }
        }
    }

    /** Whether the schema is the one of this name or extends it (a Company is a LegalEntity). */
    public static boolean isA(Schema schema, String name) {
        return schema.getName().equals(name) || schema.getSchemata().stream().anyMatch(ancestor -> ancestor.getName().equals(name));
    }

    /** The property of this name on the schema, including inherited ones, or empty. */
    public static Optional<Property> property(Schema schema, String name) {
        return Optional.ofNullable(schema.getProperty(name));
    }
}
