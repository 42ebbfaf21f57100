package io.supplygraph.ingest.epss;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sync.Feed;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads FIRST's daily EPSS CSV ({@code epss_scores-YYYY-MM-DD.csv.gz}), gzipped or not (told by its first bytes):
 * an optional comment line {@code #model_version:v2023.03.01,score_date:2024-01-01T00:00:00+0000}, a header
 * {@code cve,epss,percentile}, then one line per CVE. Every score is held (about 250,000, some 20 MB) because the
 * store replaces the whole set in one transaction; a file of more than {@value #MAX_ROWS} rows is refused, which
 * also bounds a gzip bomb.
 */
public final class EpssCsvReader {

    static final int MAX_ROWS = 5_000_000;

    /** FIRST publishes the latest day's scores at {@code <base>/epss_scores-current.csv.gz}. */
    public static final Feed FEED = new Feed("epss", URI.create("https://epss.empiricalsecurity.com/"),
            "epss_scores-current.csv.gz");

    private static final Pattern COMMENT_FIELD = Pattern.compile("(model_version|score_date):([^,\\s]+)");

    private EpssCsvReader() {}

    public static EpssScores read(InputStream raw) throws IOException, DocumentRejectedException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(unpacked(raw), StandardCharsets.UTF_8));
        String model = null;
        String date = null;
        String line = lines.readLine();
        while (line != null && line.startsWith("#")) {
            Matcher m = COMMENT_FIELD.matcher(line);
            while (m.find()) {
                if (m.group(1).equals("model_version")) {
                    model = m.group(2);
                } else {
                    date = m.group(2);
                }
            }
            line = lines.readLine();
        }
        if (line == null) {
            throw new DocumentRejectedException("not an EPSS file: no header line");
        }
        int[] columns = columns(line);
        List<EpssScores.Score> scores = new ArrayList<>();
        int number = 1;
        for (line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (scores.size() >= MAX_ROWS) {
                throw new DocumentRejectedException("an EPSS file of more than " + MAX_ROWS + " rows is refused");
            }
            String[] cells = line.split(",", -1);
            try {
                scores.add(new EpssScores.Score(cells[columns[0]].strip().toUpperCase(Locale.ROOT),
                        Double.parseDouble(cells[columns[1]].strip()), Double.parseDouble(cells[columns[2]].strip())));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new DocumentRejectedException("EPSS line " + number + " does not read: " + line);
            }
        }
        return new EpssScores(model, date, scores);
    }

    /** The positions of cve, epss and percentile in the header. */
    private static int[] columns(String header) throws DocumentRejectedException {
        List<String> names = List.of(header.toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        int[] columns = {names.indexOf("cve"), names.indexOf("epss"), names.indexOf("percentile")};
        for (int c : columns) {
            if (c < 0) {
                throw new DocumentRejectedException("not an EPSS file: the header is not cve,epss,percentile but "
                        + header);
            }
        }
        return columns;
    }

    private static InputStream unpacked(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
    }
}
