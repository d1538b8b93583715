package org.hbateam.shell.internal.commands;

import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.support.table.ShellTable;

/** A command that prints a table: {@code --no-format} prints tab-separated rows with no borders and no header. */
public abstract class TableCommandSupport extends HbaTeamCommandSupport {
    @Option(name = "--no-format", description = "Print plain tab-separated rows, without borders or header, for scripts")
    protected boolean noFormat;

    protected void print(ShellTable table) {
        table.print(System.out, !noFormat);
    }
}
