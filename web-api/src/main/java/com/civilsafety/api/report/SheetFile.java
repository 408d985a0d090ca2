package com.civilsafety.api.report;

import com.civilsafety.ledger.attachment.FileTooLargeException;
import com.civilsafety.ledger.attachment.UnsupportedFileException;
import com.civilsafety.ledger.common.SheetImport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a filled import template (the 《隐患清单》's, the 机构台账's: a {@link Layout}) as rows of text, numbered as the spreadsheet numbers them,
 * without ever holding more than a bounded amount: the upload is at most {@link #MAX_BYTES}; before POI sees it, every
 * part is unpacked once and counted (a part beyond {@link #MAX_PART_BYTES}, or all beyond {@link #MAX_UNPACKED_BYTES},
 * refuses the file — a "zip bomb" whose sheet swells to 94 MB from 1.2 MB is stopped after 16); the sheet is then read
 * as a stream of rows (POI's SAX reader), stopping at the first row past the layout's {@code maxRows}, at the first
 * cell longer than {@link #MAX_CELL_CHARS} and once the cells together pass {@link #MAX_TOTAL_CHARS}. A file that is not an .xlsx workbook, too big or not our template is
 * refused as a whole.
 */
final class SheetFile {
    /**
     * A template as its file is read: the sheet holding the rows, the index of its header row (data starts below it),
     * the columns in order, and the most rows one file may hold.
     */
    record Layout(String sheet, int headerRow, List<SheetImport.Column> columns, int maxRows) {
    }

    /** A filled template of the largest allowed size stays well below this. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** The sheet of 2,000 full rows is about 4 MB unpacked; so are its shared strings at most. */
    static final long MAX_PART_BYTES = 16L * 1024 * 1024;
    /** Every other part (workbook, styles, relationships, the template's small sheets) is a few KB to a few hundred. */
    static final long MAX_OTHER_PART_BYTES = 2L * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;
    /** Longer than any field of a hazard (descriptions stop at 2,000). */
    static final int MAX_CELL_CHARS = 5_000;
    /** All the cells read together: 2,000 full rows of the template's fields stay well below. */
    static final long MAX_TOTAL_CHARS = 6_000_000;

    private SheetFile() {
    }

    static List<SheetImport.Row> read(InputStream in, long size, Layout layout) throws IOException {
        if (size > MAX_BYTES) {
            throw new FileTooLargeException(MAX_BYTES);
        }
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new FileTooLargeException(MAX_BYTES);
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new UnsupportedFileException("请上传按模板填写的 Excel 文件（.xlsx）");
        }
        checkUnpacked(bytes, layout);
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (layout.sheet().equals(sheets.getSheetName())) {
                        Rows rows = new Rows(layout);
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                                new ReadOnlySharedStringsTable(workbook, false), rows, new IsoDates(), false));
                        parser.parse(new InputSource(sheet));
                        return rows.done();
                    }
                }
            }
            throw new UnsupportedFileException("文件中没有“" + layout.sheet() + "”工作表，请使用下载的模板");
        } catch (Refused e) {
            throw new UnsupportedFileException(e.getMessage());
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException | RuntimeException e) {
            if (e instanceof UnsupportedFileException unsupported) {
                throw unsupported;
            }
            throw new UnsupportedFileException("无法读取该 Excel 文件，请用 Excel 或 WPS 另存为 .xlsx 后重试");
        }
    }

    /** Unpacks every part once, counting and discarding, before anything parses it; refuses names that climb out. */
    private static void checkUnpacked(byte[] bytes, Layout layout) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        // the zip reader POI itself uses, so that every file POI could open is counted here first
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                    throw new UnsupportedFileException("无法读取该 Excel 文件：文件结构不正确");
                }
                long part = 0;
                long limit = name.startsWith("xl/worksheets/") || name.equals("xl/sharedStrings.xml") ? MAX_PART_BYTES : MAX_OTHER_PART_BYTES;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    part += n;
                    total += n;
                    if (part > limit || total > MAX_UNPACKED_BYTES) {
                        throw new UnsupportedFileException("无法读取该 Excel 文件：解压后内容过大（" + name + " 上限 "
                                + limit / (1024 * 1024) + "MB），一次最多导入 " + layout.maxRows() + " 行");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnsupportedFileException("无法读取该 Excel 文件，请用 Excel 或 WPS 另存为 .xlsx 后重试");
        }
    }

    /** A refusal found while the rows stream by: the reading stops there. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The sheet's rows as they stream by: the header checked, blank rows left out, the first columns only. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Layout layout;
        private final List<SheetImport.Row> rows = new ArrayList<>();
        private String[] cells;
        private boolean headerSeen;
        private int lastRow = -1;
        private int rowsRead;
        private long charsRead;

        Rows(Layout layout) {
            this.layout = layout;
        }

        @Override
        public void startRow(int rowNum) {
            // counted as read, not as numbered: a sheet that numbers every row "3" is still a sheet of many rows
            if (rowNum - layout.headerRow() > layout.maxRows() || ++rowsRead > layout.maxRows() + layout.headerRow() + 1) {
                throw new Refused("一次最多导入 " + layout.maxRows() + " 行");
            }
            if (rowNum <= lastRow) {
                throw new Refused("第 " + (rowNum + 1) + " 行出现在第 " + (lastRow + 1) + " 行之后，文件结构不正确，请用 Excel 或 WPS 另存后重试");
            }
            lastRow = rowNum;
            if (rowNum > layout.headerRow() && !headerSeen) {
                checkHeader(new String[layout.columns().size()]);
            }
            cells = new String[layout.columns().size()];
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? -1 : new CellReference(reference).getCol();
            if (column < 0 || column >= cells.length || value == null) {
                return;
            }
            if (value.length() > MAX_CELL_CHARS) {
                throw new Refused("单元格 " + reference + " 内容过长（上限 " + MAX_CELL_CHARS + " 字）");
            }
            charsRead += value.length();
            if (charsRead > MAX_TOTAL_CHARS) {
                throw new Refused("文件内容过多（上限 " + MAX_TOTAL_CHARS / 10_000 + " 万字），请分批导入");
            }
            cells[column] = value;
        }

        @Override
        public void endRow(int rowNum) {
            if (rowNum == layout.headerRow()) {
                checkHeader(cells);
            } else if (rowNum > layout.headerRow() && Arrays.stream(cells).anyMatch(v -> v != null && !v.isBlank())) {
                rows.add(new SheetImport.Row(rowNum + 1, Arrays.asList(cells)));
            }
        }

        private void checkHeader(String[] header) {
            headerSeen = true;
            for (int c = 0; c < layout.columns().size(); c++) {
                String expected = layout.columns().get(c).header();
                String actual = header[c] == null ? "" : header[c].replace("*", "").strip();
                if (!expected.equals(actual)) {
                    throw new Refused("表头与模板不符：第 " + (c + 1) + " 列应为“" + expected + "”，实为“" + actual + "”");
                }
            }
        }

        List<SheetImport.Row> done() {
            if (!headerSeen) {
                checkHeader(new String[layout.columns().size()]);
            }
            return rows;
        }
    }

    /** Cells as the template's users see them, and dates as the ledger reads them (yyyy-MM-dd). */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
