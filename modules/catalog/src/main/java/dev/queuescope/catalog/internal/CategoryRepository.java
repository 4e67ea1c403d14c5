package dev.queuescope.catalog.internal;

import static dev.queuescope.catalog.internal.db.Tables.CATEGORY;

import dev.queuescope.catalog.Category;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Repository;

@Repository
public class CategoryRepository {

    private final DSLContext db;

    CategoryRepository(DSLContext db) {
        this.db = db;
    }

    public boolean exists(long id) {
        return db.fetchExists(CATEGORY, CATEGORY.ID.eq(id));
    }

    public List<Category> findAll() {
        return db.select(CATEGORY.ID, CATEGORY.NAME).from(CATEGORY).orderBy(CATEGORY.ID)
                .fetch(r -> new Category(r.value1(), r.value2()));
    }

    /** Empty when the name is taken. */
    public Optional<Category> insert(String name) {
        return db.insertInto(CATEGORY).set(CATEGORY.NAME, name)
                .onConflict(CATEGORY.NAME).doNothing()
                .returning(CATEGORY.ID, CATEGORY.NAME)
                .fetchOptional(r -> new Category(r.getId(), r.getName()));
    }

    /** Creates the missing categories in one statement and returns all of them by name. */
    public Map<String, Long> ensure(Collection<String> names) {
        var insert = db.insertInto(CATEGORY, CATEGORY.NAME);
        for (String name : names) {
            insert = insert.values(name);
        }
        insert.onConflict(CATEGORY.NAME).doNothing().execute();
        return db.select(CATEGORY.NAME, CATEGORY.ID).from(CATEGORY).where(CATEGORY.NAME.in(names))
                .fetchMap(Record2::value1, Record2::value2);
    }
}
