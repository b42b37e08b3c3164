package dev.ktx.ingest.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;

class TreeDirectoryTest {

    private static final ObjectId FILE_ID = ObjectId.fromString("1111111111111111111111111111111111111111");
    private static final ObjectId TREE_ID = ObjectId.fromString("2222222222222222222222222222222222222222");

    /** Git's order: the sub-tree "a" sorts as "a/", after "a-b", "a.md" and the file "a" before them. */
    private static TreeDirectory gitOrdered() {
        TreeFormatter tree = new TreeFormatter();
        tree.append("a", FileMode.REGULAR_FILE, FILE_ID);
        tree.append("a-b", FileMode.REGULAR_FILE, FILE_ID);
        tree.append("a.md", FileMode.EXECUTABLE_FILE, FILE_ID);
        tree.append("a", FileMode.TREE, TREE_ID);
        tree.append("a0", FileMode.SYMLINK, FILE_ID);
        tree.append("b", FileMode.TREE, TREE_ID);
        tree.append("é.md", FileMode.REGULAR_FILE, FILE_ID);
        return new TreeDirectory(tree.toByteArray());
    }

    @Test
    void findsFilesAndSubTreesByNameInGitOrder() {
        TreeDirectory directory = gitOrdered();

        assertThat(directory.find("a-b")).contains(new TreeDirectory.Entry(FILE_ID, FileMode.REGULAR_FILE));
        assertThat(directory.find("a.md")).contains(new TreeDirectory.Entry(FILE_ID, FileMode.EXECUTABLE_FILE));
        assertThat(directory.find("a0")).contains(new TreeDirectory.Entry(FILE_ID, FileMode.SYMLINK));
        assertThat(directory.find("b")).contains(new TreeDirectory.Entry(TREE_ID, FileMode.TREE));
        assertThat(directory.find("é.md")).contains(new TreeDirectory.Entry(FILE_ID, FileMode.REGULAR_FILE));
        assertThat(directory.find("a.m")).isEmpty();
        assertThat(directory.find("b/")).isEmpty();
        assertThat(directory.find("c")).isEmpty();
        assertThat(directory.find("")).isEmpty();
    }

    @Test
    void namesAreListedInPlainStringOrder() {
        assertThat(gitOrdered().names(mode -> mode != FileMode.TREE)).containsExactly("a", "a-b", "a.md", "a0", "é.md");
        assertThat(gitOrdered().names(mode -> mode == FileMode.TREE)).containsExactly("a", "b");
        assertThat(TreeDirectory.EMPTY.names(mode -> true)).isEmpty();
        assertThat(TreeDirectory.EMPTY.find("a")).isEmpty();
    }

    @Test
    void aLargeDirectoryFindsEveryEntryAndNothingElse() {
        TreeFormatter tree = new TreeFormatter();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            names.add(String.format("page-%05d.md", i));
        }
        names.forEach(name -> tree.append(name, FileMode.REGULAR_FILE, FILE_ID));
        TreeDirectory directory = new TreeDirectory(tree.toByteArray());

        assertThat(names).allMatch(name -> directory.find(name).isPresent());
        assertThat(directory.find("page-05000.md")).isEmpty();
        assertThat(directory.find("page-00000")).isEmpty();
        assertThat(directory.find("aaa")).isEmpty();
        assertThat(directory.find("zzz")).isEmpty();
    }

    @Test
    void entriesOutOfOrderAreStillFound() {
        TreeFormatter tree = new TreeFormatter();
        tree.append("z.md", FileMode.REGULAR_FILE, FILE_ID);
        tree.append("a", FileMode.TREE, TREE_ID);
        tree.append("m.md", FileMode.REGULAR_FILE, FILE_ID);
        TreeDirectory directory = new TreeDirectory(tree.toByteArray());

        assertThat(directory.find("z.md")).isPresent();
        assertThat(directory.find("a")).contains(new TreeDirectory.Entry(TREE_ID, FileMode.TREE));
        assertThat(directory.find("m.md")).isPresent();
        assertThat(directory.find("b.md")).isEmpty();
        assertThat(directory.names(mode -> mode != FileMode.TREE)).containsExactly("m.md", "z.md");
    }
}
