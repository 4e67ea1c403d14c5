package dev.queuescope.imports.internal.web;

import dev.queuescope.imports.DemoDataSeeder;
import dev.queuescope.imports.SeedReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminSeedController {

    private final DemoDataSeeder seeder;

    AdminSeedController(DemoDataSeeder seeder) {
        this.seeder = seeder;
    }

    /** Loads the demo data set; safe to call again (it then inserts nothing). */
    @PostMapping("/api/v1/admin/seed")
    SeedReport seed() {
        return seeder.seed();
    }
}
