package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Working with namespaces as a Clojure user does: reloading a file, asking doc through an alias, errors. */
class NamespaceWorkflowTest extends ScriptDirectoryFixture {
    @Test
    void shouldLoadTheFileAgainWithReload() throws IOException {
        file("my/lib.logos", "(ns my.lib)\n(println \"loading\")\n(defn f [] 1)\n");
        assertEquals("1", eval("(require '[my.lib :as m]) (m/f)"));
        file("my/lib.logos", "(ns my.lib)\n(println \"loading\")\n(defn f [] 2)\n");
        assertEquals("1", eval("(require '[my.lib :as m]) (m/f)"), "loaded once without :reload");
        assertEquals("2", eval("(require '[my.lib :as m] :reload) (m/f)"));
        assertEquals("loading\nloading\n", printed.toString(StandardCharsets.UTF_8));
        assertEquals("\"user\"", eval("(str (ns-name))"));
    }

    @Test
    void shouldReloadWhatTheFileRequiresWithReloadAll() throws IOException {
        file("a/top.logos", "(ns a.top (:require [a.dep :as d]))\n(defn f [] (d/g))\n");
        file("a/dep.logos", "(ns a.dep)\n(defn g [] :old)\n");
        assertEquals(":old", eval("(require 'a.top) (a.top/f)"));
        file("a/dep.logos", "(ns a.dep)\n(defn g [] :new)\n");
        assertEquals(":old", eval("(require 'a.top :reload) (a.top/f)"), ":reload leaves the dependency alone");
        assertEquals(":new", eval("(require 'a.top :reload-all) (a.top/f)"));
        assertEquals(":new", eval("(require 'a.dep) (a.dep/g)"));
    }

    @Test
    void shouldShowTheDocOfANameGivenThroughItsAlias() throws IOException {
        file("my/lib.logos", "(ns my.lib)\n(defn f \"Tens of x.\" [x] (* 10 x))\n");
        eval("(require '[my.lib :as m]) (doc m/f)");
        assertEquals("my.lib/f\n([x])\n  Tens of x.\n", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldNameTheLineOfTheScriptThatReachedAnErrorInAnotherFile() throws IOException {
        file("my/lib.logos", "(ns my.lib)\n(defn inv [x] (inc (/ 1 x)))\n(defn g [x] (inv x))\n");
        String report = assertThrows(LogosError.class,
            () -> interp.evalString("(require '[my.lib :as m])\n\n(m/g 0)\n", "main.logos")).report();
        assertTrue(report.startsWith("Error: " + dir.resolve("my/lib.logos") + ":2:20: Divide by zero"), report);
        assertTrue(report.contains("at m/g (main.logos:3:1)"), report);
    }

    @Test
    void shouldLetAClojureLibraryNameQualifyOnceRequired() {
        assertEquals("[\"1,2\" #{1 2} 3]", eval("(require 'clojure.string 'clojure.set 'clojure.core) "
            + "[(clojure.string/join \",\" [1 2]) (clojure.set/union #{1} #{2}) (clojure.core/+ 1 2)]"));
    }

    @Test
    void shouldLetADefReplaceANameReferredFromAnotherNamespace() throws IOException {
        file("my/lib.logos", "(ns my.lib)\n(defn up [s] :lib)\n");
        assertEquals(":lib", eval("(require '[my.lib :refer [up]]) (up 1)"));
        assertEquals("[:mine :lib]", eval("(defn up [s] :mine) [(up 1) (my.lib/up 1)]"));
    }
}
