package drogulus.logos.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drogulus.logos.data.LogosError;
import drogulus.logos.eval.Interp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NamespaceBuiltinsTest extends ScriptDirectoryFixture {
    private String fails(String source) {
        return assertThrows(LogosError.class, () -> interp.evalString(source, "main.logos")).report();
    }

    @Test
    void shouldLoadANamespaceOnceAndResolveItsNames() throws IOException {
        file("my/lib.logos", "(ns my.lib)\n(println \"loading\")\n(defn helper [x] (* x 10))\n"
            + "(defn f \"Tens.\" [x] (helper x))\n(def count-of 3)\n");
        assertEquals("[10 20 3]", eval("(require '[my.lib :as m]) [(m/f 1) (my.lib/f 2) m/count-of]"));
        assertEquals("nil", eval("(require 'my.lib)"));
        assertEquals("loading\n", printed.toString(StandardCharsets.UTF_8));
        assertEquals("\"user\"", eval("(str (ns-name))"));
    }

    @Test
    void shouldTakeClojuresLibraryNamesForTheBuiltIns() {
        assertEquals("[\"a,b\" #{1 2} \"A\" [\"x\" \"y\"]]", eval("(require '[clojure.string :as str] "
            + "'[clojure.set :as s :refer [union]] '[string :as t :refer [upper-case]]) "
            + "[(str/join \",\" [\"a\" \"b\"]) (s/union #{1} #{2}) (upper-case \"a\") (t/split \"x y\" #\" \")]"));
        assertEquals("[1 2]", eval("(ns my.tool (:require [clojure.string :refer :all] [clojure.core :as c])) "
            + "(c/vec (map count (split \"a bb\" #\" \")))"));
        assertTrue(fails("(require '[clojure.string :refer [no-such-fn]])").contains("string has no no-such-fn"));
        assertTrue(fails("(require 'nosuchfamily)").contains("Can't find namespace nosuchfamily"));
    }

    @Test
    void shouldLoadTheShippedLibrariesForClojureTestAndWalk() {
        assertEquals("1", eval("(ns my.tests (:require [clojure.test :refer [deftest is run-tests]])) "
            + "(deftest adds (is (= 4 (+ 2 2)))) (count (run-tests))"));
        assertEquals("true", eval("(require '[clojure.test :as t]) (t/is (= 1 1))"));
        assertTrue(fails("(require '[clojure.test :refer [no-such-check]])").contains("no no-such-check"));
        assertEquals("[{:a 1} {\"b\" 2}]", eval("(ns my.data (:require [clojure.walk :as w :refer [stringify-keys]])) "
            + "[(w/keywordize-keys {\"a\" 1}) (stringify-keys {:b 2})]"));
        assertEquals("{:c 3}", eval("(require 'walk) (walk/keywordize-keys {\"c\" 3})"));
    }

    @Test
    void shouldKeepTheGlobalsOfNamespacesApart() throws IOException {
        file("a.logos", "(ns a)\n(defn helper [] :a)\n(defn f [] (helper))\n");
        file("b.logos", "(ns b (:require [a :as x]))\n(defn helper [] :b)\n(defn f [] [(helper) (x/f)])\n"
            + "(defn count [] (clojure-count-is-shadowed))\n");
        assertEquals("[:b :a]", eval("(require '[b :as b]) (b/f)"));
        assertEquals(":user", eval("(defn helper [] :user) (helper)"));
        assertEquals("[:a :b :user 3]", eval("[(a/helper) (b/helper) (helper) (count [1 2 3])]"));
    }

    @Test
    void shouldReferNamesAndKeepSlashBuiltIns() throws IOException {
        file("util/text.logos", "(ns util.text)\n(defn shout [s] (string/upper-case (string/join \" \" [s \"!\"])))\n"
            + "(defn whisper [s] (string/lower-case s))\n");
        assertEquals("[\"HI !\" \"hi\"]", eval("(require '[util.text :refer [shout]]) "
            + "[(shout \"hi\") (util.text/whisper \"HI\")]"));
        assertEquals("\"x\"", eval("(require '[util.text :refer :all]) (whisper \"X\")"));
    }

    @Test
    void shouldFindNamespacesOnTheLoadPath() throws IOException {
        file("my_dash/lib_x.logos", "(ns my-dash.lib-x)\n(def v 1)\n");
        assertEquals("1", eval("(require 'my-dash.lib-x) my-dash.lib-x/v"));
        String missing = fails("(require 'no.such)");
        assertTrue(missing.contains("Can't find namespace no.such: no no/such.logos in"), missing);
        assertTrue(missing.contains(dir.toString()), missing);
    }

    @Test
    void shouldNameTheNamespaceAndFileInErrors() throws IOException {
        file("bad/lib.logos", "(ns bad.lib)\n(defn f [x]\n  (undefined-thing x))\n");
        String unresolved = fails("(require '[bad.lib :as b]) (b/f 1)");
        assertTrue(unresolved.contains("bad/lib.logos:3:3: Unable to resolve symbol: bad.lib/undefined-thing"),
            unresolved);
        file("ok/lib.logos", "(ns ok.lib)\n(def x 1)\n");
        String noVar = fails("(require '[ok.lib :as o])\n(o/y)");
        assertTrue(noVar.contains("main.logos:2:1: No such var: ok.lib/y (namespace ok.lib, loaded from "), noVar);
        file("broken/lib.logos", "(ns broken.lib)\n(+ 1 :x)\n");
        String loading = fails("(require 'broken.lib)");
        assertTrue(loading.contains("broken/lib.logos:2:1: + expects a number"), loading);
        assertTrue(loading.contains("loading namespace broken.lib from "), loading);
        file("undeclared/lib.logos", "(def x 1)\n");
        assertTrue(fails("(require 'undeclared.lib)").contains("does not declare it: start it with (ns "
            + "undeclared.lib)"));
        file("loop/a.logos", "(ns loop.a (:require loop.b))\n");
        file("loop/b.logos", "(ns loop.b (:require loop.a))\n");
        assertTrue(fails("(require 'loop.a)").contains("Circular require: namespace loop.a"));
        assertTrue(fails("(require '../../etc)").contains("Bad namespace name"));
    }

    @Test
    void shouldOfferAliasQualifiedNamesForCompletion() throws IOException {
        file("my/lib.logos", "(ns my.lib)\n(defn fancy [] 1)\n");
        eval("(require '[my.lib :as m])");
        assertTrue(interp.globals().visibleNames().contains("m/fancy"));
        assertTrue(interp.globals().visibleNames().contains("my.lib/fancy"));
        assertTrue(interp.globals().visibleNames().contains("string/join"));
    }

    @Test
    void shouldWorkWithInNsInTheSandbox() {
        Interp sandbox = Sandbox.create(Sandbox.Limits.DEFAULT);
        assertEquals(2L, Sandbox.run(sandbox, "(ns tool) (defn f [] 2) (tool/f)", "s"));
        String message = assertThrows(LogosError.class, () -> Sandbox.run(sandbox, "(require 'x)", "s")).getMessage();
        assertTrue(message.contains("Unable to resolve symbol: require"), message);
    }
}
