package io.mproc.bench.result;

import java.util.Objects;

/** A plot written next to report.md, as the report shows it: its file name and what it shows. */
public record PlotLink(String file, String title) {

    public PlotLink {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
    }
}
