package org.convergence.cli;

import java.util.Random;
import org.convergence.ingest.EntitySource;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * Generates listed parties for the screening benchmark, with names as varied as real lists': people
 * and organisations in Latin, Cyrillic and Chinese script, names built from syllables (so that the
 * vocabulary grows with the list instead of repeating a few names), dates of birth, nationalities,
 * identifiers and legal forms. Seeded: the same count and seed give the same parties.
 */
final class SyntheticParties implements EntitySource {
    private static final String[] LATIN_ONSETS = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kh", "l", "m", "n", "p",
            "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "zh", "al", "el", "or"};
    private static final String[] LATIN_NUCLEI = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "ia", "y"};
    private static final String[] LATIN_CODAS = {"", "", "n", "r", "s", "l", "m", "t", "rd", "ns", "ck", "x", "v", "z"};
    private static final String[] LATIN_ENDINGS = {"", "son", "er", "ez", "ini", "ovic", "ski", "man", "ton", "ard", "ani", "os"};
    private static final String[] CYRILLIC_SYLLABLES = {"ба", "ва", "го", "да", "ле", "ми", "но", "па", "ро", "са", "ти", "ку", "зо", "че",
            "ше", "жу", "фе", "хо", "цы", "ря", "лю", "ве", "ка", "ни", "до", "ру", "ста", "гри", "бо", "мо"};
    private static final String[] CYRILLIC_ENDINGS = {"ов", "ев", "ин", "ский", "енко", "ович", "ук", "ко", "ев", "ых"};
    private static final String[] CYRILLIC_GIVEN = {"Иван", "Сергей", "Алексей", "Дмитрий", "Ольга", "Анна", "Елена", "Михаил", "Андрей",
            "Наталья", "Юрий", "Павел", "Виктор", "Татьяна", "Николай", "Игорь", "Мария", "Владимир", "Евгений", "Светлана"};
    private static final String CHINESE_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String CHINESE_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩凯鹏飞鑫波宁欣雪琳晨阳辉龙海峰丹亮成林佳婷颖雯倩瑞博健俊鸿德光永庆春松柏";
    private static final String[] CHINESE_ORG_WORDS = {"航空", "电子", "精密", "机械", "光学", "材料", "能源", "通信", "科技", "工业", "动力", "船舶"};
    private static final String[] CHINESE_PLACES = {"北京", "上海", "西安", "成都", "沈阳", "哈尔滨", "南京", "武汉", "长沙", "深圳", "天津", "重庆"};
    private static final String[] LATIN_ORG_WORDS = {"Aero", "Tech", "Micro", "Precision", "Optic", "Systems", "Machine", "Energy", "Radio",
            "Nord", "Trade", "Logistics", "Marine", "Industrial", "Global", "Electro", "Dynamics", "Instruments", "Chemical", "Metals"};
    private static final String[] LATIN_FORMS = {"LLC", "Ltd", "JSC", "GmbH", "Co., Ltd.", "FZE", "Limited", "Corporation"};
    private static final String[] CYRILLIC_FORMS = {"ООО", "АО", "ПАО", "ЗАО"};
    private static final String[] COUNTRIES = {"ru", "cn", "by", "ir", "kp", "hk", "ae", "tr", "sy", "ve", "mm", "kz"};

    private final ConvergenceModel model = ConvergenceModel.standard();
    private final Random random;
    private final int count;
    private final String dataset;
    private int produced;

    SyntheticParties(int count, long seed, String dataset) {
        this.random = new Random(seed);
        this.count = count;
        this.dataset = dataset;
    }

    @Override
    public Entity next() {
        if (produced >= count) {
            return null;
        }
        int i = produced++;
        return i % 5 < 3 ? person(i) : organisation(i);
    }

    private Entity person(int i) {
        EntityBuilder person = Entity.builder(model.requireSchema("Person"), "syn-p-" + i, dataset);
        int script = random.nextInt(10);
        if (script < 5) {
            person.add("name", capital(latinWord(2)) + " " + capital(latinWord(2 + random.nextInt(2)) + pick(LATIN_ENDINGS)));
        } else if (script < 8) {
            String family = capital(cyrillicWord()) + pick(CYRILLIC_ENDINGS);
            person.add("name", pick(CYRILLIC_GIVEN) + " " + family);
        } else {
            String name = CHINESE_SURNAMES.charAt(random.nextInt(CHINESE_SURNAMES.length())) + "" + CHINESE_GIVEN.charAt(random.nextInt(CHINESE_GIVEN.length()))
                    + (random.nextBoolean() ? String.valueOf(CHINESE_GIVEN.charAt(random.nextInt(CHINESE_GIVEN.length()))) : "");
            person.add("name", name);
        }
        if (random.nextInt(3) == 0) {
            person.add("alias", capital(latinWord(2)) + " " + capital(latinWord(3)));
        }
        person.add("birthDate", String.format("%d-%02d-%02d", 1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                .add("nationality", pick(COUNTRIES)).add("topics", "sanction");
        if (random.nextBoolean()) {
            person.add("passportNumber", String.valueOf(10_000_000 + random.nextInt(89_999_999)));
        }
        return person.build();
    }

    private Entity organisation(int i) {
        EntityBuilder organisation = Entity.builder(model.requireSchema("Company"), "syn-c-" + i, dataset);
        int script = random.nextInt(10);
        if (script < 5) {
            organisation.add("name", pick(LATIN_ORG_WORDS) + " " + capital(latinWord(2 + random.nextInt(2))) + " " + pick(LATIN_ORG_WORDS) + " "
                    + pick(LATIN_FORMS));
        } else if (script < 8) {
            organisation.add("name", pick(CYRILLIC_FORMS) + " «" + capital(cyrillicWord()) + cyrillicWord() + "»");
        } else {
            organisation.add("name", pick(CHINESE_PLACES) + pick(CHINESE_ORG_WORDS) + CHINESE_GIVEN.charAt(random.nextInt(CHINESE_GIVEN.length()))
                    + CHINESE_GIVEN.charAt(random.nextInt(CHINESE_GIVEN.length())) + "有限公司");
        }
        organisation.add("jurisdiction", pick(COUNTRIES)).add("incorporationDate", String.valueOf(1991 + random.nextInt(34)))
                .add("registrationNumber", String.valueOf(1_000_000_000L + random.nextInt(1_000_000_000))).add("topics", "sanction");
        return organisation.build();
    }

    private String latinWord(int syllables) {
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            word.append(pick(LATIN_ONSETS)).append(pick(LATIN_NUCLEI)).append(pick(LATIN_CODAS));
        }
        return word.toString();
    }

    private String cyrillicWord() {
        StringBuilder word = new StringBuilder();
        for (int s = 0, n = 2 + random.nextInt(2); s < n; s++) {
            word.append(pick(CYRILLIC_SYLLABLES));
        }
        return word.toString();
    }

    private static String capital(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    @Override
    public long position() {
        return produced;
    }

    @Override
    public long size() {
        return count;
    }

    @Override
    public void close() {}
}
