package org.convergence.bench;

import java.util.Random;
import java.util.function.Supplier;
import org.convergence.ingest.EntitySource;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * A synthetic network of parties and relationship entities for the exposure graph's benchmark,
 * seeded, so the same size gives the same network. One party per four relations (a mean of eight
 * relations a party): 55% companies, 40% people, 5% organisations; 1% of parties have a Sanction.
 *
 * <p>Degrees follow a power law, as in registries and sanctions data: each relation picks its ends in
 * a pool at index {@code size × u^2.5} for a uniform u, so a few parties have thousands of relations
 * and most have a handful. Besides, one relation in ten ties a party to one of three states (70%, 20%
 * and 10% of those: hubs of about 70,000, 20,000 and 10,000 relations in a network of a million), as
 * the states of the evidence base and the supervising agencies of ASPI's tracker do. Relations:
 * Ownership 40% (with a share and a start date), Directorship 25%, Membership 10%, UnknownLink 10%,
 * Family 10%, Associate 5%; none ties a party to itself.
 */
final class SyntheticNetwork implements EntitySource {
    static final String DATASET = "synthetic-network";
    private static final int STATES = 3;
    private static final double[] STATE_SHARES = {0.7, 0.9, 1.0};
    private static final double SKEW = 2.5;

    private final ConvergenceModel model = ConvergenceModel.standard();
    private final Random random;
    private final int relations;
    private final int companies;
    private final int people;
    private final int organisations;
    private final int parties;
    private final int sanctions;
    private long produced;

    SyntheticNetwork(int relations, long seed) {
        this.random = new Random(seed);
        this.relations = relations;
        this.parties = Math.max(4, relations / 4);
        this.companies = parties * 55 / 100;
        this.people = parties * 40 / 100;
        this.organisations = parties - companies - people;
        this.sanctions = Math.max(1, parties / 100);
    }

    /** The id of one of the network's parties (a company, a person or an organisation), uniformly. */
    static String party(int parties, int index) {
        int companies = parties * 55 / 100;
        int people = parties * 40 / 100;
        return index < companies ? "syn-company-" + index : index < companies + people ? "syn-person-" + (index - companies)
                : "syn-organisation-" + (index - companies - people);
    }

    int parties() {
        return parties;
    }

    int sanctions() {
        return sanctions;
    }

    @Override
    public Entity next() {
        long i = produced++;
        if (i < parties) {
            return party((int) i);
        }
        i -= parties;
        if (i < STATES) {
            return entity("PublicBody", "syn-state-" + i).add("name", "State " + i).build();
        }
        i -= STATES;
        if (i < sanctions) {
            return entity("Sanction", "syn-sanction-" + i).add("entity", party(parties, random.nextInt(parties)))
                    .add("authority", "Synthetic authority").add("program", "SYN-" + random.nextInt(20)).build();
        }
        i -= sanctions;
        if (i < relations) {
            return relation("syn-relation-" + i);
        }
        return null;
    }

    private Entity party(int index) {
        String id = party(parties, index);
        String schema = id.startsWith("syn-company-") ? "Company" : id.startsWith("syn-person-") ? "Person" : "Organization";
        return entity(schema, id).add("name", schema + " " + index).add("country", random.nextBoolean() ? "ru" : "cn").build();
    }

    private Entity relation(String id) {
        if (random.nextDouble() < 0.1) {
            double u = random.nextDouble();
            int state = u < STATE_SHARES[0] ? 0 : u < STATE_SHARES[1] ? 1 : 2;
            return sourced(entity("Membership", id).add("member", any()).add("organization", "syn-state-" + state));
        }
        double kind = random.nextDouble();
        if (kind < 0.40) {
            String owner = random.nextBoolean() ? person() : company();
            return sourced(entity("Ownership", id).add("owner", owner).add("asset", other(owner, this::company))
                    .add("percentage", String.valueOf(1 + random.nextInt(100))).add("startDate", String.valueOf(1995 + random.nextInt(30))));
        }
        if (kind < 0.65) {
            return sourced(entity("Directorship", id).add("director", person()).add("organization", random.nextBoolean() ? company() : organisation())
                    .add("role", "Director"));
        }
        if (kind < 0.75) {
            String member = random.nextBoolean() ? person() : company();
            return sourced(entity("Membership", id).add("member", member).add("organization", organisation()));
        }
        if (kind < 0.85) {
            String subject = any();
            return sourced(entity("UnknownLink", id).add("subject", subject).add("object", other(subject, this::any)));
        }
        String person = person();
        String schema = kind < 0.95 ? "Family" : "Associate";
        return sourced(entity(schema, id).add("person", person).add(schema.equals("Family") ? "relative" : "associate", other(person, this::person)));
    }

    private EntityBuilder entity(String schema, String id) {
        return Entity.builder(model.requireSchema(schema), id, DATASET);
    }

    /** A relation's sources: one of fifty registries, as real relations repeat a few publishers. */
    private Entity sourced(EntityBuilder relation) {
        int registry = random.nextInt(50);
        return relation.add("publisher", "Synthetic registry " + registry).add("sourceUrl", "https://registry.example/" + registry).build();
    }

    private static String other(String end, Supplier<String> pick) {
        String other = pick.get();
        while (other.equals(end)) {
            other = pick.get();
        }
        return other;
    }

    private int skewed(int size) {
        return (int) (size * Math.pow(random.nextDouble(), SKEW));
    }

    private String company() {
        return "syn-company-" + skewed(companies);
    }

    private String person() {
        return "syn-person-" + skewed(people);
    }

    private String organisation() {
        return "syn-organisation-" + skewed(organisations);
    }

    private String any() {
        double u = random.nextDouble();
        return u < 0.55 ? company() : u < 0.95 ? person() : organisation();
    }

    @Override
    public long position() {
        return produced;
    }

    @Override
    public long size() {
        return (long) parties + STATES + sanctions + relations;
    }

    @Override
    public void close() {
        // nothing is open
    }
}
