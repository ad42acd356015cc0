package org.policygraph.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The explorer's table view as an Excel workbook: {@code POST /api/export/xlsx} with {@code {"name": "任务",
 * "columns": ["文件", …], "rows": [["市政办发〔2021〕100号", 14, …], …]}} answers an .xlsx (Apache POI) of one
 * sheet: the header in bold, frozen and filterable, then the rows as sent (numbers as numbers, everything
 * else as text: a value is never read as a formula). The table is computed in the browser from what is
 * visible, so the server only writes it down; the request body limit ({@code policygraph.http.max-body})
 * bounds its size.
 */
@RestController
class TableSpreadsheetController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** More columns than any table of the explorer has, by far. */
    static final int MAX_COLUMNS = 100;
    /** Excel's limit of characters in a cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Column widths follow the longest value, up to this many characters. */
    static final int MAX_COLUMN_CHARS = 60;
    /** Excel measures column widths in 1/256 of a character. */
    private static final int WIDTH_UNITS_PER_CHAR = 256;

    /** A table: the sheet's name, its header and its rows. */
    record Table(String name, List<String> columns, List<List<Object>> rows) {}

    @PostMapping(path = "/api/export/xlsx", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> xlsx(@RequestBody Table table) throws IOException {
        if (table.columns() == null || table.columns().isEmpty() || table.columns().size() > MAX_COLUMNS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "columns: 1 to " + MAX_COLUMNS + " names");
        }
        List<List<Object>> rows = table.rows() == null ? List.of() : table.rows();
        String name = table.name() == null || table.name().isBlank() ? "表格" : table.name();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(name));
            int[] widths = new int[table.columns().size()];
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(text(table.columns().get(c)));
                cell.setCellStyle(header);
                widths[c] = displayWidth(cell.getStringCellValue());
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r) == null ? List.of() : rows.get(r);
                for (int c = 0; c < Math.min(values.size(), widths.length); c++) {
                    Object value = values.get(c);
                    if (value == null || value instanceof String s && s.isEmpty()) continue;
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        widths[c] = Math.max(widths[c], String.valueOf(value).length());
                    } else {
                        cell.setCellValue(text(value));
                        widths[c] = Math.max(widths[c], displayWidth(cell.getStringCellValue()));
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, (Math.min(widths[c], MAX_COLUMN_CHARS) + 2) * WIDTH_UNITS_PER_CHAR);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, widths.length - 1));
            book.write(out);
            return ResponseEntity.ok()
                    .contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("policygraph-" + name + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        }
    }

    private static String text(Object value) {
        String s = String.valueOf(value);
        return s.length() > MAX_CELL_CHARS ? s.substring(0, MAX_CELL_CHARS) : s;
    }

    /** Characters as wide as a Latin letter: a Chinese character counts two. */
    private static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); i++) width += s.charAt(i) > 0x2E80 ? 2 : 1;
        return width;
    }
}
