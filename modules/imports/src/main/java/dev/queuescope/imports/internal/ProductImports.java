package dev.queuescope.imports.internal;

import dev.queuescope.catalog.ProductCatalog;
import dev.queuescope.catalog.ProductImportResult;
import dev.queuescope.imports.ImportStatus;
import dev.queuescope.inventory.InventoryManagement;
import java.io.InputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Runs product imports: the upload is parsed as it streams in and copied into the catalog, whose merge
 * returns the new products; the inventory gives them stock rows in one statement. All of it is one
 * transaction, so a bad line, a broken upload or a stopped shop leaves nothing behind. The latest
 * imports are kept in memory for their progress.
 */
@Service
public class ProductImports {

    private static final int KEPT = 50;

    private final ProductCatalog catalog;
    private final InventoryManagement inventory;
    private final TransactionTemplate transactions;
    private final Map<String, ProductImport> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ProductImport> eldest) {
                    return size() > KEPT;
                }
            });

    ProductImports(ProductCatalog catalog, InventoryManagement inventory, TransactionTemplate transactions) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.transactions = transactions;
    }

    public ImportStatus importCsv(InputStream upload) {
        return run(progress -> ProductUploadReader.csv(upload, progress));
    }

    public ImportStatus importNdjson(InputStream upload) {
        return run(progress -> ProductUploadReader.ndjson(upload, progress));
    }

    private ImportStatus run(Function<ProductImport, ProductUploadReader> open) {
        ProductImport progress = new ProductImport();
        recent.put(progress.id(), progress);
        try {
            // Opened inside: reading the CSV header can already fail.
            ProductUploadReader reader = open.apply(progress);
            long loaded = transactions.execute(status -> load(progress, reader));
            progress.completed(loaded);
            return progress.status();
        } catch (JacksonIOException brokenOff) {
            // The upload stopped arriving (the client went away): nobody is left to answer.
            progress.failed("the upload broke off: " + brokenOff.getOriginalMessage(), List.of());
            throw brokenOff;
        } catch (JacksonException unreadable) {
            progress.failed(unreadable.getOriginalMessage(), List.of());
            throw ImportProblem.unreadable(progress.id(), unreadable.getOriginalMessage());
        } catch (ImportProblem refused) {
            throw refused;
        } catch (ErrorResponseException refused) {
            progress.failed(String.valueOf(refused.getBody().getDetail()), List.of());
            throw refused;
        } catch (RuntimeException failed) {
            progress.failed(failed.getClass().getSimpleName(), List.of());
            throw failed;
        }
    }

    /** In the import's transaction: the catalog's merge, then the lines' verdict, then the stock rows. */
    private long load(ProductImport progress, ProductUploadReader reader) {
        ProductImportResult result = catalog.importProducts(reader);
        if (reader.invalidLines() > 0) {
            ImportProblem refused = ImportProblem.invalidLines(progress.id(), reader.invalidLines(), reader.errors());
            progress.failed(String.valueOf(refused.getBody().getDetail()), reader.errors());
            throw refused;
        }
        inventory.ensureStockRows(result.newProductIds());
        return result.loaded();
    }

    /** A recent import's status; 404 problem when there is none by that id (or it is no longer kept). */
    public ImportStatus status(String id) {
        return Optional.ofNullable(recent.get(id)).map(ProductImport::status)
                .orElseThrow(() -> ImportProblem.notFound(id));
    }

    /** The latest imports, newest first. */
    public List<ImportStatus> recent() {
        Collection<ProductImport> imports;
        synchronized (recent) {
            imports = List.copyOf(recent.values());
        }
        return imports.stream().map(ProductImport::status).toList().reversed();
    }
}
