package org.convergence.api;

import static org.convergence.api.Parameters.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.model.ConvergenceModel;
import org.convergence.screening.ScreenedEntity;
import org.convergence.screening.Screener;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.PropertyType;
import tech.followthemoney.model.Schema;

/**
 * Builds one screening query from what a client sent (a yente entity example, or a reconciliation
 * query), checking it on the way: a screenable schema, properties of that schema, text values of a
 * sane length. Errors name the query ("query 'q1': ...") so a client can find it in its batch.
 * Not thread-safe; one per query.
 */
final class QueryBuilder {
    /** Longest value accepted: list names are far shorter; a longer one is a pasted document, not a name. */
    static final int MAX_VALUE_LENGTH = 1_000;
    /** Values accepted per query, all properties together. */
    static final int MAX_VALUES = 100;

    private final String key;
    private final Schema schema;
    private final Map<String, List<String>> properties = new LinkedHashMap<>();
    private int values;

    private QueryBuilder(String key, Schema schema) {
        this.key = Parameters.shorten(key);
        this.schema = schema;
    }

    /** A builder for a query of this schema; the schema must be one that lists hold (a party, vessel or aircraft). */
    static QueryBuilder of(String key, String schemaName, ConvergenceModel model) {
        String shown = Parameters.shorten(key);
        Schema schema = model.schema(schemaName).orElseThrow(() -> invalid(
                "query '%s': unknown schema '%s': use Person, Organization, Company, LegalEntity or Vessel".formatted(shown,
                        Parameters.shorten(schemaName))));
        if (!ScreenedEntity.isScreenable(schema)) {
            throw invalid("query '%s': the schema '%s' is not screened: use Person, Organization, Company, LegalEntity, Vessel or Airplane"
                    .formatted(shown, schema.getName()));
        }
        return new QueryBuilder(key, schema);
    }

    /**
     * The query of a yente entity example: {@code {"schema": "Person", "properties": {"name": [...], ...}}}.
     * Other fields (an entity as the API returns it has caption, datasets ...) are ignored, as yente does.
     */
    static Screener.Query fromExample(String key, JsonNode example, ConvergenceModel model) {
        String shown = Parameters.shorten(key);
        if (!example.isObject()) {
            throw invalid("query '%s' must be an object with 'schema' and 'properties'".formatted(shown));
        }
        JsonNode schemaNode = example.get("schema");
        if (schemaNode == null || !schemaNode.isTextual()) {
            throw invalid("query '%s' has no 'schema': give an FtM schema such as \"Person\" or \"Company\"".formatted(shown));
        }
        QueryBuilder builder = of(key, schemaNode.asText(), model);
        JsonNode properties = example.get("properties");
        if (properties == null || !properties.isObject()) {
            throw invalid("query '%s' has no 'properties' object: give at least {\"name\": [\"...\"]}".formatted(shown));
        }
        for (var field : properties.properties()) {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                value.forEach(item -> builder.add(field.getKey(), item));
            } else {
                builder.add(field.getKey(), value);
            }
        }
        JsonNode id = example.get("id");
        return builder.build(id != null && id.isTextual() ? id.asText() : key);
    }

    /** Adds a JSON value (text, number or boolean) of a property; entity references are accepted and not compared. */
    QueryBuilder add(String propertyName, JsonNode value) {
        Property property = property(propertyName);
        if (isEntity(property)) {
            return this;
        }
        if (!value.isValueNode() || value.isNull()) {
            throw invalid("query '%s': properties.%s must hold text values; got %s".formatted(key, propertyName,
                    Parameters.shorten(value.toString())));
        }
        return add(property, value.asText());
    }

    /** Adds a text value of a property. */
    QueryBuilder add(String propertyName, String value) {
        Property property = property(propertyName);
        return isEntity(property) ? this : add(property, value);
    }

    private QueryBuilder add(Property property, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw invalid("query '%s': a value of properties.%s is %,d characters long; the limit is %,d".formatted(key, property.getName(),
                    value.length(), MAX_VALUE_LENGTH));
        }
        if (++values > MAX_VALUES) {
            throw invalid("query '%s' has more than %d values; send the most telling names and identifiers".formatted(key, MAX_VALUES));
        }
        properties.computeIfAbsent(property.getName(), name -> new ArrayList<>()).add(value.strip());
        return this;
    }

    private Property property(String name) {
        Property property = schema.getProperty(name);
        if (property == null) {
            throw invalid(("query '%s': %s has no property '%s' (properties are FtM names such as name, alias, birthDate, nationality, country, "
                    + "registrationNumber, imoNumber)").formatted(key, schema.getName(), Parameters.shorten(name)));
        }
        return property;
    }

    private static boolean isEntity(Property property) {
        return PropertyType.ENTITY.equals(property.getType().getName());
    }

    Screener.Query build(String id) {
        return new Screener.Query(id, schema.getName(), Map.copyOf(properties));
    }
}
