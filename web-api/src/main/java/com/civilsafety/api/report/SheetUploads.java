package com.civilsafety.api.report;

import com.civilsafety.api.common.TooBusyException;
import com.civilsafety.ledger.common.SheetImport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every upload of a filled template, whichever it is, bounded in number: at most {@code civil-safety.import.concurrent}
 * files are read and stored at once; one more waits a moment, then is told to try again (503), so that a burst of
 * uploads cannot slow everyone else down. Each file is bounded in memory by {@link SheetFile}.
 */
@Component
public class SheetUploads {
    private final Semaphore reading;

    SheetUploads(@Value("${civil-safety.import.concurrent:2}") int concurrent) {
        this.reading = new Semaphore(concurrent);
    }

    /** Reads the file as the layout says and hands its rows to the import; the rows are held until stored, under the bound. */
    <T> T importRows(MultipartFile file, SheetFile.Layout layout, Function<List<SheetImport.Row>, T> importer)
            throws IOException, InterruptedException {
        if (!reading.tryAcquire(2, TimeUnit.SECONDS)) {
            throw new TooBusyException("正在处理其他导入文件，请稍后再试", 10);
        }
        try (InputStream in = file.getInputStream()) {
            return importer.apply(SheetFile.read(in, file.getSize(), layout));
        } finally {
            reading.release();
        }
    }
}
